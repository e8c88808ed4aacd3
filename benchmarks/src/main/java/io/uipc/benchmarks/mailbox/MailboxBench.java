package io.uipc.benchmarks.mailbox;

import io.uipc.benchmarks.BenchJvms;
import io.uipc.benchmarks.HistogramCodec;
import io.uipc.benchmarks.JsonLine;
import io.uipc.benchmarks.pingpong.ProcessCpu;
import io.uipc.core.UipcException;
import io.uipc.core.WaitPolicy;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.HdrHistogram.Histogram;

import java.time.Duration;
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
 *       second at the receiver, and one-way latency under that load (sampled 1 in 16: queueing,
 *       once the senders outrun the receiver);</li>
 *   <li>paced: the same senders pausing after each message (100 us by default), so the receiver
 *       keeps up; one-way latency of every message, send time to handler (System.nanoTime is
 *       one clock for every process of a host).</li>
 * </ul>
 * Run {@code java -cp ... io.uipc.benchmarks.mailbox.MailboxBench [options]} or call
 * {@link #run(Options)} (what {@code uipc bench --mailbox} does).
 */
public final class MailboxBench {
    /** Most sender JVMs a run takes (the receiver keeps per-sender sequence numbers for 64). */
    public static final int MAX_SENDERS = 64;
    private MailboxBench() {
    }

    /**
     * What to run.
     *
     * @param senders   sender counts for throughput and paced runs (e.g. 1 and 4); empty skips them
     * @param messages  messages per throughput run, split between the senders
     * @param codec     "raw" (Agrona puts into the claimed record) or "chronicle" (typed Mail)
     * @param policy    wait policy of every process ("spin", "block", "spin-yield-block")
     * @param rounds    measured ping-pong rounds; 0 skips the latency runs
     * @param warmup    ping-pong warm-up rounds
     * @param pacedMessages messages per sender in the paced runs; 0 skips them
     * @param paceMicros    pause after each paced message
     */
    public record Options(List<Integer> senders, long messages, String codec, String policy, long rounds, long warmup,
                          long pacedMessages, long paceMicros) {
        /** Default pause after each paced message. */
        public static final long DEFAULT_PACE_MICROS = 100;

        /**
         * Checks every count; a bad one is an {@link IllegalArgumentException} naming it.
         *
         * @param senders   sender counts for throughput and paced runs (e.g. 1 and 4); empty skips them
         * @param messages  messages per throughput run, split between the senders
         * @param codec     "raw" (Agrona puts into the claimed record) or "chronicle" (typed Mail)
         * @param policy    wait policy of every process ("spin", "block", "spin-yield-block")
         * @param rounds    measured ping-pong rounds; 0 skips the latency runs
         * @param warmup    ping-pong warm-up rounds
         * @param pacedMessages messages per sender in the paced runs; 0 skips them
         * @param paceMicros    pause after each paced message
         */
        public Options {
            senders = List.copyOf(senders);
            for (final int n : senders) {
                if (n < 1 || n > MAX_SENDERS) {
                    throw new IllegalArgumentException("sender count must be 1 to " + MAX_SENDERS + ", not " + n);
                }
                if (messages < n) {
                    throw new IllegalArgumentException("messages must be at least one per sender (" + n + "), not " + messages);
                }
            }
            if (!codec.equals("raw") && !codec.equals("chronicle")) {
                throw new IllegalArgumentException("codec must be raw or chronicle, not " + codec);
            }
            WaitPolicy.parse(policy);
            if (rounds < 0 || warmup < 0 || pacedMessages < 0 || paceMicros < 0) {
                throw new IllegalArgumentException("round trips, warm-up, paced messages and pace must not be negative");
            }
        }

        /**
         * {@return 1 and 4 senders, 10 M messages, raw, spin, 100 k rounds after 20 k warm-up, 20 k paced messages per sender}
         */
        public static Options defaults() {
            return new Options(List.of(1, 4), 10_000_000, "raw", "spin", 100_000, 20_000, 20_000, DEFAULT_PACE_MICROS);
        }

        /**
         * {@return these options with another message count}
         *
         * @param n messages per throughput run
         */
        public Options withMessages(final long n) {
            return new Options(senders, n, codec, policy, rounds, warmup, pacedMessages, paceMicros);
        }

        /**
         * {@return these options with other round-trip counts}
         *
         * @param n timed round trips
         * @param w warm-up round trips
         */
        public Options withRounds(final long n, final long w) {
            return new Options(senders, messages, codec, policy, n, w, pacedMessages, paceMicros);
        }

        /**
         * {@return these options with another paced message count}
         *
         * @param n paced messages per sender, 0 skips the paced runs
         */
        public Options withPacedMessages(final long n) {
            return new Options(senders, messages, codec, policy, rounds, warmup, n, paceMicros);
        }
    }

    /**
     * Runs the benchmark and prints its results.
     *
     * @param args {@code --senders 1,4 --messages N --codec raw|chronicle --policy P --rounds N --warmup N
     *     --paced-messages N --pace-us N --json}
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
                case "--senders": o = new Options(parseList(v), o.messages(), o.codec(), o.policy(), o.rounds(), o.warmup(), o.pacedMessages(), o.paceMicros()); break;
                case "--messages": o = o.withMessages(Long.parseLong(v)); break;
                case "--codec": o = new Options(o.senders(), o.messages(), v, o.policy(), o.rounds(), o.warmup(), o.pacedMessages(), o.paceMicros()); break;
                case "--policy": o = new Options(o.senders(), o.messages(), o.codec(), v, o.rounds(), o.warmup(), o.pacedMessages(), o.paceMicros()); break;
                case "--rounds": o = o.withRounds(Long.parseLong(v), o.warmup()); break;
                case "--warmup": o = o.withRounds(o.rounds(), Long.parseLong(v)); break;
                case "--paced-messages": o = o.withPacedMessages(Long.parseLong(v)); break;
                case "--pace-us": o = new Options(o.senders(), o.messages(), o.codec(), o.policy(), o.rounds(), o.warmup(), o.pacedMessages(), Long.parseLong(v)); break;
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
        /** {@return one human-readable line} */
        String text();

        /** {@return one JSON object on one line} */
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
            return JsonLine.start().put("run", "ping-pong").put("kind", kind).put("alongside", alongside).put("policy", policy)
                .put("n", count).put("p50_ns", p50Ns).put("p90_ns", p90Ns).put("p99_ns", p99Ns).put("p999_ns", p999Ns)
                .put("max_ns", maxNs).put("p50_ratio_to_interrupt", p50RatioToInterrupt, 3).toString();
        }
    }

    /**
     * Senders feeding one inbox: blasting (throughput), or paced (latency at a load the
     * receiver keeps up with).
     *
     * @param senders    sender JVMs
     * @param paceMicros pause after each message per sender; 0 when blasting
     * @param codec      "raw" or "chronicle"
     * @param policy     wait policy
     * @param messages   messages received
     * @param seconds    from the first message received to the last
     * @param errors     messages out of order per sender, or not intact
     * @param wakeups    times the receiver was woken by a doorbell
     * @param oneWay     one-way latency in ns (every 16th message when blasting, every message when paced):
     *                   n, p50, p90, p99, p99.9, max
     * @param idleCpuPercent CPU the receiver JVM used while it waited for the first message, in % of
     *                   one core; NaN if not measured
     */
    public record Throughput(int senders, long paceMicros, String codec, String policy, long messages, double seconds, long errors,
                             long wakeups, long[] oneWay, double idleCpuPercent) implements Result {
        /** {@return messages per second; NaN if the run took no measurable time} */
        public double rate() {
            return seconds > 0 ? messages / seconds : Double.NaN;
        }

        @Override
        public String text() {
            if (paceMicros > 0) {
                return String.format(Locale.ROOT, "%d-to-1 %s %s paced %d us msgs=%d rate=%.0f msgs/s errors=%d wakeups=%d "
                    + "one-way n=%d p50=%d p90=%d p99=%d p99.9=%d max=%d ns", senders, codec, policy, paceMicros, messages, rate(), errors,
                    wakeups, oneWay[0], oneWay[1], oneWay[2], oneWay[3], oneWay[4], oneWay[5]);
            }
            return String.format(Locale.ROOT, "%d-to-1 %s %s msgs=%d seconds=%.3f rate=%.0f msgs/s errors=%d wakeups=%d "
                + "one-way-under-load n=%d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f us", senders, codec, policy, messages, seconds,
                rate(), errors, wakeups, oneWay[0], oneWay[1] / 1e3, oneWay[2] / 1e3, oneWay[3] / 1e3, oneWay[4] / 1e3, oneWay[5] / 1e3);
        }

        @Override
        public String toJson() {
            return JsonLine.start().put("run", paceMicros > 0 ? "paced" : "throughput").put("senders", senders)
                .put("pace_us", paceMicros).put("codec", codec).put("policy", policy).put("messages", messages)
                .put("seconds", seconds, 6).put("msgs_per_s", rate(), 0).put("errors", errors).put("wakeups", wakeups)
                .put("one_way_n", oneWay[0]).put("one_way_p50_ns", oneWay[1]).put("one_way_p90_ns", oneWay[2])
                .put("one_way_p99_ns", oneWay[3]).put("one_way_p999_ns", oneWay[4]).put("one_way_max_ns", oneWay[5])
                .put("idle_cpu_pct", idleCpuPercent, 2).toString();
        }
    }

    /**
     * Runs the benchmark in a temporary group (removed afterwards).
     *
     * @param o what to run
     * @return the results: per codec, the interrupt and the mail ping-pong; then per sender count,
     *     throughput; then per sender count, paced latency
     * @throws UipcException if a member JVM fails, exits early, or has no result within
     *     {@link BenchJvms#RESULT_TIMEOUT} (the message quotes its output)
     */
    public static List<Result> run(final Options o) {
        final List<Result> results = new ArrayList<>();
        try (TempGroups groups = new TempGroups("mailbox-bench"); ProcessGroup group = groups.create("mailbox-bench")) {
            if (o.rounds() > 0) {
                for (final String codec : List.of("raw", "chronicle")) {
                    results.addAll(pingPong(group, codec, o));
                }
            }
            for (final int n : o.senders()) {
                results.add(feed(group, n, o.messages() / n, 0, o, Duration.ZERO));
            }
            if (o.pacedMessages() > 0) {
                for (final int n : o.senders()) {
                    results.add(feed(group, n, o.pacedMessages(), o.paceMicros(), o, Duration.ZERO));
                }
            }
        } catch (final AssertionError e) {
            // JvmProcess, test support, reports a member that failed, exited or timed out (with its output) as a failed assertion
            throw new UipcException(e.getMessage(), e);
        }
        return results;
    }

    private static JvmProcess member(final ProcessGroup group, final String name, final String... args) {
        return BenchJvms.member(group, name, MailboxBenchMember.class, args);
    }

    static List<Latency> pingPong(final ProcessGroup group, final String codec, final Options o) {
        try (JvmProcess pong = member(group, "pong", "pong", codec, o.policy(), "0")) {
            pong.expect("READY");
            try (JvmProcess ping = member(group, "ping", "ping", codec, o.policy(), String.valueOf(o.rounds()), String.valueOf(o.warmup()))) {
                final Histogram interrupt = HistogramCodec.decode(result(ping, "RESULT interrupt ", pong));
                final Histogram mail = HistogramCodec.decode(result(ping, "RESULT mail ", pong));
                final long base = interrupt.getValueAtPercentile(50);
                return List.of(Latency.of("interrupt", "mail-" + codec, o.policy(), interrupt, base),
                    Latency.of("mail-" + codec, "interrupt", o.policy(), mail, base));
            } finally {
                // the pong echoes until stopped and has nothing to save: the group reaps its entry
                pong.kill();
            }
        } finally {
            group.reap();
        }
    }

    /** The ping's result line after {@code prefix}, failing at once if the pong exits first. */
    private static String result(final JvmProcess ping, final String prefix, final JvmProcess pong) {
        return ping.expect(prefix, BenchJvms.RESULT_TIMEOUT, pong).substring(prefix.length());
    }

    /**
     * One throughput or paced run; with a non-zero {@code idle}, first the receiver's CPU while it
     * waits for the first message ({@link ProcessCpu#idlePercent}), the senders connected and
     * waiting for GO.
     */
    static Throughput feed(final ProcessGroup group, final int senders, final long each, final long paceMicros, final Options o,
                           final Duration idle) {
        final List<JvmProcess> txs = new ArrayList<>();
        final String sampleMask = paceMicros > 0 ? "0" : "15";
        try (JvmProcess rx = member(group, "rx", "rx", o.codec(), o.policy(), String.valueOf(each), String.valueOf(senders), sampleMask)) {
            rx.expect("READY");
            for (int i = 0; i < senders; i++) {
                txs.add(member(group, "tx-" + i, "tx", o.codec(), o.policy(), String.valueOf(each), String.valueOf(paceMicros)));
            }
            for (final JvmProcess tx : txs) {
                tx.expect("READY");
            }
            // Only now does the receiver start waiting: a spinning one would take a CPU from the senders' JVMs while they start.
            rx.send("GO");
            final double idleCpu = idle.isZero() ? Double.NaN : ProcessCpu.idlePercent(rx, idle);
            for (final JvmProcess tx : txs) {
                tx.send("GO");
            }
            final String[] f = rx.expect("RESULT ", BenchJvms.RESULT_TIMEOUT).split(" ");
            for (final JvmProcess tx : txs) {
                tx.expect("DONE");
            }
            final Histogram h = HistogramCodec.decode(f[5]);
            return new Throughput(senders, paceMicros, o.codec(), o.policy(), Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), new long[] {h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue()}, idleCpu);
        } finally {
            txs.forEach(JvmProcess::close);
            group.reap();
        }
    }
}
