#!/usr/bin/env bash
# Compiles the Gloo JNI shim; run by the Maven build (process-classes) with the output
# folder as $1. Needs g++ and Debian's libgloo-dev (scripts/setup.sh installs both).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$1"
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
if [ ! -f /usr/include/gloo/allreduce.h ]; then
  echo "vclip native build: /usr/include/gloo is missing; install libgloo-dev (scripts/setup.sh does)" >&2
  exit 1
fi
lib="$out/libvclip_gloo.so"
# Rebuild only when a source is newer than the library (keeps incremental builds fast).
if [ -f "$lib" ] && [ -z "$(find "$here" -newer "$lib" -type f -print -quit)" ]; then
  exit 0
fi
mkdir -p "$out"
g++ -std=c++17 -O2 -shared -fPIC -fvisibility=hidden -fvisibility-inlines-hidden \
  -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" \
  "$here/gloo_collectives_jni.cpp" "$here/java_store.cpp" \
  -o "$lib.tmp" -lgloo -pthread
mv "$lib.tmp" "$lib"
