#!/usr/bin/env bash
# Runs the mailbox and log-writer benchmarks (docs/benchmarks-mailbox.md).
#   examples/bench.sh mailbox   [MailboxBench options: --senders 1,4 --messages N --codec raw|chronicle --policy P --rounds N]
#   examples/bench.sh logwriter [LogWriterBench options: --foregrounds 1,4,16 --commits N --dir DIR]
#   examples/bench.sh jmh       [benchmark name pattern]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:?usage: examples/bench.sh mailbox|logwriter|jmh [options]}
shift
mvn -B -ntp -q -pl examples -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/cp.txt
cp="examples/target/test-classes:examples/target/classes:$(cat examples/target/cp.txt)"
mapfile -t flags < <(java -cp "$cp" io.uipc.core.internal.JvmFlags)
case $what in
    mailbox) main=io.uipc.table.mailbox.bench.MailboxBench ;;
    logwriter) main=io.uipc.examples.logwriter.LogWriterBench ;;
    jmh) main=io.uipc.examples.jmh.MailboxJmh ;;
    *) echo "unknown benchmark '$what': mailbox, logwriter or jmh" >&2; exit 2 ;;
esac
exec java "${flags[@]}" -cp "$cp" "$main" "$@"
