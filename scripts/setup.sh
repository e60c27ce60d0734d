#!/usr/bin/env bash
# Installs what the build and the native parts need on a fresh Debian machine.
# Idempotent and quiet when everything is already there; sourced by ./vclip and ./run-tests.
set -euo pipefail

# Debian packages, by the command or file that proves each is installed.
# g++ and libgloo-dev build the Gloo collectives shim; prometheus is the real scrape target of the telemetry tests.
# The trainer images (trainer-image/docker/) install their build tools with this same function.
vclip_required_packages() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  [ -f /usr/include/gloo/allreduce.h ] || missing+=(libgloo-dev)
  if [ "${VCLIP_WITH_TEST_TOOLS:-0}" = 1 ]; then
    command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
    # promtool (same package) checks and unit-tests the alert rules of deploy/.
    command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  fi
  printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d'
}

vclip_setup() {
  local pkgs
  pkgs=$(vclip_required_packages)
  if [ -n "$pkgs" ]; then
    echo "vclip: installing Debian packages: $(echo $pkgs)" >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    local log
    log=$(mktemp)
    # shellcheck disable=SC2086
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
           $sudo apt-get install -y -qq --no-install-recommends $pkgs; } >"$log" 2>&1; then
      cat "$log" >&2
      echo "vclip: apt-get install failed (see above)" >&2
      return 1
    fi
    rm -f "$log"
  fi
  if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    export JAVA_HOME
  fi
  # Nothing downloads at run time: DJL uses the CPU natives that Maven put on the class path.
  export DJL_OFFLINE=true
}
