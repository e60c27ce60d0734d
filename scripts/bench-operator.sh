#!/usr/bin/env bash
# Creates N VideoClipTrainings (default 500) against the fabric8 mock API server with the operator's
# controller running under JOSDK; prints the time until every pod group exists, reconcile latency
# percentiles and the heap. Usage: scripts/bench-operator.sh [N] [reconcile-threads]
set -euo pipefail
VCLIP_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$VCLIP_HOME"
mvn -B -ntp -q -pl crds,operator test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="$VCLIP_HOME/operator/target/test-classes:$VCLIP_HOME/operator/target/classes:$VCLIP_HOME/crds/target/classes:$(cat operator/target/bench-classpath.txt)"
cd operator
exec java ${VCLIP_BENCH_JAVA_OPTS:--Xmx2g} -Djava.util.logging.config.file=src/test/resources/test-logging.properties \
  -cp "$cp" io.vclip.operator.bench.ReconcileBenchmark "${1:-500}" "${2:-10}"
