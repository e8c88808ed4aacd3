#!/usr/bin/env bash
# Runs uipc's jcstress tests (jcstress/target/jcstress.jar) against the real ipc-core classes.
#
#   jcstress/run.sh [quick|full] [more jcstress options, e.g. -t StaleTake]
#
# quick (default, CI; 1 to 2 minutes on 2 vCPUs): one JVM configuration with uipc's flags,
#   no split per-actor compilation, one normal and one stress fork of 2 x 500 ms per test.
# full (about 10 minutes on 2 vCPUs): jcstress's "quick" preset: each actor compiled by the
#   interpreter, C1 or C2 in turn (split compilation), biased locking on and off, normal and
#   stress forks of 5 x 200 ms. (All of jcstress's JVM configurations, with its C2 stress
#   randomizers: add -jvmArgsPrepend instead of -jvmArgs; several hours on 2 vCPUs.)
#
# Builds the jar first (scripts/classpath.sh, which also gives uipc's JVM flags for this Java).
# Java: $JAVA if set, else $JAVA_HOME/bin/java if JAVA_HOME is set, else java on PATH.
# Exits non-zero if any test observed a forbidden outcome, failed or hung. The HTML report
# goes to jcstress/target/jcstress-results/<mode>/index.html, the console log beside it.
set -euo pipefail

mode=${1:-quick}
case $mode in quick|full) ;; *) echo "usage: $0 [quick|full] [jcstress options]" >&2; exit 2 ;; esac
shift || true

here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/jcstress.jar"
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
command -v "$java" >/dev/null 2>&1 || { echo "jcstress/run.sh: no java ('$java'): set JAVA or JAVA_HOME" >&2; exit 2; }

# Builds target/jcstress.jar; uipc's JVM flags for this JVM version follow the class path line.
out=$(JAVA=$java "$here/../scripts/classpath.sh" jcstress)
mapfile -t lines <<<"$out"
flags=("${lines[@]:1}")
out="$here/target/jcstress-results/$mode"
rm -rf "$out" && mkdir -p "$out"
cd "$out" # jcstress writes its result blob into the working directory

case $mode in
  quick) preset=(-m sanity -sc false -iters 2 -time 500 -jvmArgs "${flags[*]}") ;;
  full) preset=(-m quick -jvmArgs "${flags[*]}") ;;
esac

echo "jcstress $mode run, JVM flags: ${flags[*]}"
start=$(date +%s)
set +e
"$java" "${flags[@]}" -jar "$jar" "${preset[@]}" -r "$out" "$@" 2>&1 | tee "$out/console.log"
rc=${PIPESTATUS[0]}
set -e
echo "jcstress/run.sh: $mode run took $(( $(date +%s) - start )) s; $(grep -o 'Results: [^)]*' "$out/console.log" | tail -1)"
echo "jcstress/run.sh: report $out/index.html"
if (( rc != 0 )); then
  echo "jcstress/run.sh: FAILED (exit $rc): a test observed a forbidden outcome, hung or errored" >&2
  exit "$rc"
fi
