#!/usr/bin/env bash
# Runs the process-table JMH benchmarks (process-table/src/test/java/io/uipc/table/bench) with
# the GC profiler, in a JVM started with uipc's flags. Results: docs/benchmarks-table.md.
#
# Usage: scripts/bench-table.sh [benchmark regex [iterations [forks]]]
#   e.g. scripts/bench-table.sh SendBenchmark 10 2      (every iteration's score: target/jmh-table.json)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl process-table -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-table.classpath -Dmdep.includeScope=test
cp="process-table/target/test-classes:process-table/target/classes:$(cat process-table/target/bench-table.classpath)"
mapfile -t flags < <(java -cp "$cp" io.uipc.core.internal.JvmFlags)
exec java "${flags[@]}" -cp "$cp" io.uipc.table.bench.TableBenchmarks "$@"
