#!/usr/bin/env bash
# Runs uipc's benchmarks from the benchmarks module's jar, after building it (docs/benchmarks*.md).
#   benchmarks/bench.sh jmh       [JMH options]   every JMH benchmark through the one runner,
#                                                 io.uipc.benchmarks.BenchmarkMain, e.g.
#                                                 jmh 'jmh.table' -wi 3 -w 1s -i 10 -r 1s -f 1 -prof gc
#   benchmarks/bench.sh mailbox   [MailboxBench options: --senders 1,4 --messages N --codec raw|chronicle --policy P --rounds N]
#   benchmarks/bench.sh logwriter [LogWriterBench options: --foregrounds 1,4,16 --commits N --dir DIR]
#   benchmarks/bench.sh aeron     [AeronComparison options: --rounds 3 --policies spin,spin-yield-block,block --round-trips N
#                                  --warmup N --messages N --idle-ms MS --json]   the mailbox against Aeron IPC
#   benchmarks/bench.sh reaper    [ReaperBench options: --members 4096 --hosts 4 --seconds 20 --kills 40 --seed 1]
# The cross-process ping-pong is 'uipc bench' (bin/uipc); the C baseline is c-baseline/ipc-baseline.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:?usage: benchmarks/bench.sh jmh|mailbox|logwriter|aeron|reaper [options]}
shift
case $what in
    jmh) main=io.uipc.benchmarks.BenchmarkMain ;;
    mailbox) main=io.uipc.benchmarks.mailbox.MailboxBench ;;
    logwriter) main=io.uipc.benchmarks.logwriter.LogWriterBench ;;
    aeron) main=io.uipc.benchmarks.mailbox.AeronComparison ;;
    reaper) main=io.uipc.benchmarks.reaper.ReaperBench ;;
    *) echo "unknown benchmark '$what': jmh, mailbox, logwriter, aeron or reaper" >&2; exit 2 ;;
esac
mvn -B -ntp -q -pl benchmarks -am package -DskipTests >&2  # stdout carries only the results
jar=benchmarks/target/benchmarks.jar
mapfile -t flags < <(java -cp "$jar" io.uipc.core.internal.JvmFlags)
exec java "${flags[@]}" -cp "$jar" "$main" "$@"
