package io.uipc.table.mailbox.bench;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cross-process mailbox benchmark: 64-byte messages between JVMs of a temporary group.
 * <ul>
 *   <li>latency: ping-pong round trip / 2, by interrupt only and by mail (message plus
 *       doorbell each way; raw Agrona puts and typed Chronicle mail), in the same run, so the mailbox's cost over the bare interrupt is a
 *       ratio against a baseline measured alongside;</li>
 *   <li>throughput: 1 or more sender JVMs blasting into one receiver JVM's inbox; messages per
 *       second at the receiver, and one-way latency under that load (sampled 1 in 16).</li>
 * </ul>
 * Run {@code java -cp ... io.uipc.table.mailbox.bench.MailboxBench [options]} or call
 * {@link #run(Options)} (what {@code uipc bench --mailbox} does).
 */
public final class MailboxBench {
    private MailboxBench() {
    }

    /**
     * What to run.
     *
     * @param senders   sender counts for throughput runs (e.g. 1 and 4); empty skips them
     * @param messages  messages per throughput run, split between the senders
     * @param codec     "raw" (Agrona puts into the claimed record) or "chronicle" (typed Mail)
     * @param policy    wait policy of every process ("spin", "block", "spin-yield-block")
     * @param rounds    measured ping-pong rounds; 0 skips the latency runs
     * @param warmup    ping-pong warm-up rounds
     */
    public record Options(List<Integer> senders, long messages, String codec, String policy, long rounds, long warmup) {
        /** @return 1 and 4 senders, 10 M messages, raw, spin, 100 k rounds after 20 k warm-up */
        public static Options defaults() {
            return new Options(List.of(1, 4), 10_000_000, "raw", "spin", 100_000, 20_000);
        }
    }

    /**
     * @param args {@code --senders 1,4 --messages N --codec raw|chronicle --policy P --rounds N --warmup N}
     */
    public static void main(final String[] args) {
        Options o = Options.defaults();
        for (int i = 0; i + 1 < args.length; i += 2) {
            final String v = args[i + 1];
            switch (args[i]) {
                case "--senders": o = new Options(parseList(v), o.messages(), o.codec(), o.policy(), o.rounds(), o.warmup()); break;
                case "--messages": o = new Options(o.senders(), Long.parseLong(v), o.codec(), o.policy(), o.rounds(), o.warmup()); break;
                case "--codec": o = new Options(o.senders(), o.messages(), v, o.policy(), o.rounds(), o.warmup()); break;
                case "--policy": o = new Options(o.senders(), o.messages(), o.codec(), v, o.rounds(), o.warmup()); break;
                case "--rounds": o = new Options(o.senders(), o.messages(), o.codec(), o.policy(), Long.parseLong(v), o.warmup()); break;
                case "--warmup": o = new Options(o.senders(), o.messages(), o.codec(), o.policy(), o.rounds(), Long.parseLong(v)); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(o).forEach(System.out::println);
    }

    private static List<Integer> parseList(final String v) {
        final List<Integer> list = new ArrayList<>();
        for (final String s : v.split(",")) {
            if (!s.isBlank()) {
                list.add(Integer.parseInt(s.trim()));
            }
        }
        return list;
    }

    /**
     * Runs the benchmark in a temporary group (removed afterwards).
     *
     * @param o what to run
     * @return one report line per run
     */
    public static List<String> run(final Options o) {
        final List<String> report = new ArrayList<>();
        try (BenchGroup bench = new BenchGroup("mailbox-bench")) {
            if (o.rounds() > 0) {
                for (final String kind : List.of("irq", "raw", "chronicle")) {
                    report.add(String.format(Locale.ROOT, "ping-pong %-14s %-5s %s", kind.equals("irq") ? "interrupt" : "mail-" + kind,
                        o.policy(), pingPong(bench, kind, o)));
                }
            }
            for (final int n : o.senders()) {
                report.add(String.format(Locale.ROOT, "%d-to-1 %s %s %s", n, o.codec(), o.policy(), throughput(bench, n, o)));
            }
        }
        return report;
    }

    private static String pingPong(final BenchGroup bench, final String kind, final Options o) {
        try (MemberJvm pong = bench.start("pong", MailboxBenchMember.class, "pong", kind, o.policy(), "0")) {
            pong.expect("READY");
            try (MemberJvm ping = bench.start("ping", MailboxBenchMember.class, "ping", kind, o.policy(), String.valueOf(o.rounds()), String.valueOf(o.warmup()))) {
                return ping.expect("RESULT").substring("RESULT ".length());
            }
        } finally {
            bench.reap();
        }
    }

    private static String throughput(final BenchGroup bench, final int senders, final Options o) {
        final long each = o.messages() / senders;
        final List<MemberJvm> txs = new ArrayList<>();
        try (MemberJvm rx = bench.start("rx", MailboxBenchMember.class, "rx", o.codec(), o.policy(), String.valueOf(each), String.valueOf(senders))) {
            rx.expect("READY");
            for (int i = 0; i < senders; i++) {
                txs.add(bench.start("tx-" + i, MailboxBenchMember.class, "tx", o.codec(), o.policy(), String.valueOf(each)));
            }
            for (final MemberJvm tx : txs) {
                tx.expect("READY");
            }
            for (final MemberJvm tx : txs) {
                tx.say("GO");
            }
            final String result = rx.expect("RESULT").substring("RESULT ".length());
            for (final MemberJvm tx : txs) {
                tx.expect("DONE");
            }
            return result;
        } finally {
            txs.forEach(MemberJvm::close);
            bench.reap();
        }
    }
}
