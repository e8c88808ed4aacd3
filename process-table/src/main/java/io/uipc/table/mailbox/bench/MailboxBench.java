package io.uipc.table.mailbox.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cross-process mailbox benchmark: 64-byte messages between JVMs of a temporary group.
 * <ul>
 *   <li>latency: ping-pong round trip / 2, by interrupt only and by mail (message each way,
 *       doorbell if the receiver waits; raw Agrona puts, or typed Chronicle mail). The two
 *       alternate in blocks of 1,000 round trips between the same two processes, so the mail
 *       p50's ratio to the interrupt p50 holds even when this VM changes speed mid-run;</li>
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
     * @param args {@code --senders 1,4 --messages N --codec raw|chronicle --policy P --rounds N --warmup N --json}
     */
    public static void main(final String[] args) {
        Options o = Options.defaults();
        boolean json = false;
        int i = 0;
        while (i < args.length) {
            final String option = args[i++];
            if (option.equals("--json")) {
                json = true;
                continue;
            }
            if (i == args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            final String v = args[i++];
            switch (option) {
                case "--senders": o = new Options(parseList(v), o.messages(), o.codec(), o.policy(), o.rounds(), o.warmup()); break;
                case "--messages": o = new Options(o.senders(), Long.parseLong(v), o.codec(), o.policy(), o.rounds(), o.warmup()); break;
                case "--codec": o = new Options(o.senders(), o.messages(), v, o.policy(), o.rounds(), o.warmup()); break;
                case "--policy": o = new Options(o.senders(), o.messages(), o.codec(), v, o.rounds(), o.warmup()); break;
                case "--rounds": o = new Options(o.senders(), o.messages(), o.codec(), o.policy(), Long.parseLong(v), o.warmup()); break;
                case "--warmup": o = new Options(o.senders(), o.messages(), o.codec(), o.policy(), o.rounds(), Long.parseLong(v)); break;
                default: throw new IllegalArgumentException("unknown option " + option);
            }
        }
        for (final Result r : run(o)) {
            System.out.println(json ? r.toJson() : r.text());
        }
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

    /** One measured run: a line of the report, or a JSON object. */
    public sealed interface Result permits Latency, Throughput {
        /** @return one human-readable line */
        String text();

        /** @return one JSON object on one line */
        String toJson();
    }

    /**
     * One-way ping-pong latency (round trip / 2) of one kind, measured alongside another.
     *
     * @param kind          "interrupt", "mail-raw" or "mail-chronicle"
     * @param alongside     the kind it alternated with
     * @param policy        wait policy
     * @param count         round trips timed
     * @param p50Ns         median
     * @param p90Ns         90th percentile
     * @param p99Ns         99th percentile
     * @param p999Ns        99.9th percentile
     * @param maxNs         maximum
     * @param p50RatioToInterrupt this p50 over the interrupt p50 of the same run (1 for interrupt)
     */
    public record Latency(String kind, String alongside, String policy, long count, long p50Ns, long p90Ns, long p99Ns, long p999Ns,
                          long maxNs, double p50RatioToInterrupt) implements Result {
        static Latency of(final String kind, final String alongside, final String policy, final Histogram h, final long interruptP50) {
            final long p50 = h.getValueAtPercentile(50);
            return new Latency(kind, alongside, policy, h.getTotalCount(), p50, h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), (double) p50 / Math.max(1, interruptP50));
        }

        @Override
        public String text() {
            return String.format(Locale.ROOT, "ping-pong %-14s %-5s one-way n=%d p50=%d p90=%d p99=%d p99.9=%d max=%d ns  p50/interrupt=%.2f  (alongside %s)",
                kind, policy, count, p50Ns, p90Ns, p99Ns, p999Ns, maxNs, p50RatioToInterrupt, alongside);
        }

        @Override
        public String toJson() {
            return String.format(Locale.ROOT, "{\"run\":\"ping-pong\",\"kind\":\"%s\",\"alongside\":\"%s\",\"policy\":\"%s\",\"n\":%d,"
                + "\"p50_ns\":%d,\"p90_ns\":%d,\"p99_ns\":%d,\"p999_ns\":%d,\"max_ns\":%d,\"p50_ratio_to_interrupt\":%.3f}",
                kind, alongside, policy, count, p50Ns, p90Ns, p99Ns, p999Ns, maxNs, p50RatioToInterrupt);
        }
    }

    /**
     * Senders blasting into one inbox.
     *
     * @param senders    sender JVMs
     * @param codec      "raw" or "chronicle"
     * @param policy     wait policy
     * @param messages   messages received
     * @param seconds    from the first message received to the last
     * @param errors     messages out of order per sender
     * @param wakeups    times the receiver was woken by a doorbell
     * @param underLoad  one-way latency under that load (a sample), in ns: n, p50, p90, p99, p99.9, max
     */
    public record Throughput(int senders, String codec, String policy, long messages, double seconds, long errors, long wakeups,
                             long[] underLoad) implements Result {
        /** @return messages per second */
        public double rate() {
            return messages / seconds;
        }

        @Override
        public String text() {
            return String.format(Locale.ROOT, "%d-to-1 %s %s msgs=%d seconds=%.3f rate=%.0f msgs/s errors=%d wakeups=%d "
                + "one-way-under-load n=%d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f us", senders, codec, policy, messages, seconds,
                rate(), errors, wakeups, underLoad[0], underLoad[1] / 1e3, underLoad[2] / 1e3, underLoad[3] / 1e3, underLoad[4] / 1e3,
                underLoad[5] / 1e3);
        }

        @Override
        public String toJson() {
            return String.format(Locale.ROOT, "{\"run\":\"throughput\",\"senders\":%d,\"codec\":\"%s\",\"policy\":\"%s\",\"messages\":%d,"
                + "\"seconds\":%.6f,\"msgs_per_s\":%.0f,\"errors\":%d,\"wakeups\":%d,\"under_load_p50_ns\":%d,\"under_load_p99_ns\":%d,"
                + "\"under_load_max_ns\":%d}", senders, codec, policy, messages, seconds, rate(), errors, wakeups, underLoad[1], underLoad[3],
                underLoad[5]);
        }
    }

    /**
     * Runs the benchmark in a temporary group (removed afterwards).
     *
     * @param o what to run
     * @return the results: per codec, the interrupt and the mail ping-pong; then per sender count, throughput
     */
    public static List<Result> run(final Options o) {
        final List<Result> results = new ArrayList<>();
        try (BenchGroup bench = new BenchGroup("mailbox-bench")) {
            if (o.rounds() > 0) {
                for (final String codec : List.of("raw", "chronicle")) {
                    results.addAll(pingPong(bench, codec, o));
                }
            }
            for (final int n : o.senders()) {
                results.add(throughput(bench, n, o));
            }
        }
        return results;
    }

    private static List<Latency> pingPong(final BenchGroup bench, final String codec, final Options o) {
        try (MemberJvm pong = bench.start("pong", MailboxBenchMember.class, "pong", codec, o.policy(), "0")) {
            pong.expect("READY");
            try (MemberJvm ping = bench.start("ping", MailboxBenchMember.class, "ping", codec, o.policy(), String.valueOf(o.rounds()),
                String.valueOf(o.warmup()))) {
                final Histogram interrupt = Histograms.decode(ping.expect("RESULT interrupt ").substring("RESULT interrupt ".length()));
                final Histogram mail = Histograms.decode(ping.expect("RESULT mail ").substring("RESULT mail ".length()));
                final long base = interrupt.getValueAtPercentile(50);
                return List.of(Latency.of("interrupt", "mail-" + codec, o.policy(), interrupt, base),
                    Latency.of("mail-" + codec, "interrupt", o.policy(), mail, base));
            }
        } finally {
            bench.reap();
        }
    }

    private static Throughput throughput(final BenchGroup bench, final int senders, final Options o) {
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
            final String[] f = rx.expect("RESULT ").split(" ");
            for (final MemberJvm tx : txs) {
                tx.expect("DONE");
            }
            final Histogram h = Histograms.decode(f[5]);
            return new Throughput(senders, o.codec(), o.policy(), Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), new long[] {h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue()});
        } finally {
            txs.forEach(MemberJvm::close);
            bench.reap();
        }
    }
}
