#!/usr/bin/env bash
# chaos.sh: runs the chaos tool (io.uipc.chaos.ChaosCommand) from this source tree.
#
#   chaos/chaos.sh --duration PT10M --members 8 --seed 7 --kill-rate 0.5 --stop-rate 2
#   chaos/chaos.sh --help
#
# Builds the chaos module (and what it depends on) first; exit code 0 if every check held.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
(cd "$root" && mvn -B -q -ntp -DskipTests -pl chaos -am package) >&2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
flags=$(sed -n 's#.*<uipc.jvm.flags.base>\(.*\)</uipc.jvm.flags.base>.*#\1#p' "$root/pom.xml")
jar=("$root"/chaos/target/uipc-chaos-*[0-9T].jar)
# shellcheck disable=SC2086 # flags is a list of options
exec "$java" $flags -XX:+UseSerialGC -cp "${jar[0]}:$(<"$root/chaos/target/classpath")" "${CHAOS_MAIN:-io.uipc.chaos.ChaosCommand}" "$@"
