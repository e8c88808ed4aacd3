#!/usr/bin/env bash
# classpath.sh: builds one module of this source tree, with the modules it depends on, and prints
# what a script needs to start one of its classes: the class path on the first line, then uipc's
# JVM flags for the java that will run it, one per line (from io.uipc.core.internal.JvmFlags,
# which holds the root pom's uipc.jvm.flags.* properties, the one place they are defined).
#
#   scripts/classpath.sh [--test] MODULE
#
#   out=$(scripts/classpath.sh chaos)            # exits non-zero, with the build log, if the build fails
#   mapfile -t lines <<<"$out"
#   exec "$java" "${lines[@]:1}" -cp "${lines[0]}" io.uipc.chaos.ChaosCommand
#
# MODULE is a directory of the root pom (chaos, examples...). The class path is the module's jar,
# target/uipc-MODULE-VERSION.jar (its classes directory if it has none), then its runtime dependencies: jars of the other
# modules and of the libraries. --test gives the test class path instead (test classes, classes,
# test-scope dependencies) after test-compile, for harnesses kept in test sources.
#
# Java: $JAVA if set, else $JAVA_HOME/bin/java if JAVA_HOME is set, else java on PATH; scripts
# must start the same one, since the flags depend on its version. Maven: mvn on PATH, else the
# repository's wrapper (./mvnw). MAVEN_FLAGS adds options to the build (e.g. -o for offline).
set -euo pipefail

usage() { echo "usage: scripts/classpath.sh [--test] MODULE" >&2; exit 2; }
scope=runtime
if [[ ${1:-} == --test ]]; then
    scope='test'
    shift
fi
(( $# == 1 )) || usage
module=$1

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
[[ $module != */* && -f $root/$module/pom.xml ]] || { echo "classpath.sh: no module '$module' in $root" >&2; exit 2; }
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
command -v "$java" >/dev/null || { echo "classpath.sh: no java ('$java'): set JAVA or JAVA_HOME" >&2; exit 2; }
mvn=$(command -v mvn || echo "$root/mvnw")

if [[ $scope == runtime ]]; then phase=package; else phase=test-compile; fi
deps=target/classpath-$scope.txt
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# No sources or javadoc jars (publishing only): the Javadoc would double the build.
# shellcheck disable=SC2086 # MAVEN_FLAGS is a list of options
if ! (cd "$root" && "$mvn" -B -q -ntp -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip ${MAVEN_FLAGS:-} -pl "$module" -am "$phase" \
        dependency:build-classpath -DincludeScope="$scope" -Dmdep.outputFile="$deps") >"$log" 2>&1; then
    cat "$log" >&2
    echo "classpath.sh: building $module failed" >&2
    exit 1
fi

target=$root/$module/target
if [[ $scope == test ]]; then
    cp=$target/test-classes:$target/classes
else
    cp=$target/classes
    for jar in "$target"/uipc-"$module"-*.jar; do
        case $jar in *-tests.jar|*-sources.jar|*-javadoc.jar) ;; *) [[ -f $jar ]] && cp=$jar && break ;; esac
    done
fi
deps_cp=$(<"$root/$module/$deps")
if [[ -n $deps_cp ]]; then
    cp=$cp:$deps_cp
fi

flags=$("$java" -cp "$cp" io.uipc.core.internal.JvmFlags) || { echo "classpath.sh: $module's class path has no io.uipc.core.internal.JvmFlags" >&2; exit 1; }
printf '%s\n' "$cp"
if [[ -n $flags ]]; then
    printf '%s\n' "$flags"
fi
