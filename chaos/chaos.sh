#!/usr/bin/env bash
# chaos.sh: runs the chaos tool (io.uipc.chaos.ChaosCommand) from this source tree.
#
#   chaos/chaos.sh --duration PT10M --members 8 --seed 7 --kill-rate 0.5 --stop-rate 2
#   chaos/chaos.sh --help
#
# Builds the chaos module (and what it depends on) first, through scripts/classpath.sh, which
# also gives uipc's JVM flags for this Java. Java: $JAVA if set, else $JAVA_HOME/bin/java if
# JAVA_HOME is set, else java on PATH. CHAOS_MAIN runs another main class of the module.
# Exit code 0 if every check held.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
out=$("$root/scripts/classpath.sh" chaos)
mapfile -t lines <<<"$out"
exec "$java" "${lines[@]:1}" -XX:+UseSerialGC -cp "${lines[0]}" "${CHAOS_MAIN:-io.uipc.chaos.ChaosCommand}" "$@"
