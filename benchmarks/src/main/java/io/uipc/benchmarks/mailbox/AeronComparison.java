package io.uipc.benchmarks.mailbox;

import io.uipc.benchmarks.BenchJvms;
import io.uipc.benchmarks.HistogramCodec;
import io.uipc.benchmarks.JsonLine;
import io.uipc.benchmarks.pingpong.ProcessCpu;
import io.uipc.core.UipcException;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * uipc mailboxes against Aeron IPC, interleaved in one run: per round and receiver policy, the
 * uipc mailbox's raw 64-byte ping-pong ({@link MailboxBench}'s, mail alternating with
 * interrupts) and 1-to-1 throughput into a 4 MiB inbox, and the same with two Aeron JVMs
 * ({@link AeronPeer}) over {@code aeron:ipc} with 8 MiB terms (a 4 MiB publisher window); the
 * system that goes first alternates by round. Each receiver's CPU is watched while it waits for
 * the first message. Medians over the rounds, and their ratios uipc / Aeron, close the report.
 *
 * <p>Policies pair as uipc spin with {@code BusySpinIdleStrategy}, spin-yield-block with
 * {@code BackoffIdleStrategy} (Agrona's defaults), block with {@code SleepingMillisIdleStrategy(1)}.
 * Aeron has no cross-process wake-up: its receivers poll, where a blocked uipc receiver sleeps in
 * the kernel until a doorbell. With the block pair the ping-pong is capped at
 * {@value #BLOCK_ROUND_TRIPS} timed round trips after {@value #BLOCK_WARMUP} (each Aeron hop
 * then takes over a millisecond).
 */
public final class AeronComparison {
    /** The receiver policies compared, in order. */
    public static final List<String> POLICIES = List.of("spin", "spin-yield-block", "block");
    /** Most timed ping-pong round trips with the block pair. */
    public static final long BLOCK_ROUND_TRIPS = 2_000;
    /** Most warm-up round trips with the block pair. */
    public static final long BLOCK_WARMUP = 500;
    private static final int FIRST_STREAM = 1001;
    private static final String RESULT = "RESULT ";

    private AeronComparison() {
    }

    /**
     * What to run.
     *
     * @param policies   uipc receiver policies, each measured against its Aeron idle strategy
     * @param rounds     rounds, at least 1 (3 or more for medians)
     * @param roundTrips timed ping-pong round trips per run
     * @param warmup     ping-pong warm-up round trips per run
     * @param messages   messages per 1-to-1 throughput run
     * @param idle       how long each receiver's idle CPU is watched; zero skips it
     */
    public record Options(List<String> policies, int rounds, long roundTrips, long warmup, long messages, Duration idle) {
        /**
         * Checks every field; a bad one is an {@link IllegalArgumentException} naming it.
         *
         * @param policies   uipc receiver policies, each measured against its Aeron idle strategy
         * @param rounds     rounds, at least 1 (3 or more for medians)
         * @param roundTrips timed ping-pong round trips per run
         * @param warmup     ping-pong warm-up round trips per run
         * @param messages   messages per 1-to-1 throughput run
         * @param idle       how long each receiver's idle CPU is watched; zero skips it
         */
        public Options {
            policies = List.copyOf(policies);
            if (policies.isEmpty()) {
                throw new IllegalArgumentException("policies must name at least one of " + String.join(", ", POLICIES));
            }
            for (final String p : policies) {
                if (!POLICIES.contains(p)) {
                    throw new IllegalArgumentException("policy must be one of " + String.join(", ", POLICIES) + ", not " + p);
                }
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
            }
            if (roundTrips < 1 || warmup < 0 || messages < 1) {
                throw new IllegalArgumentException("round trips and messages must be positive, warm-up not negative");
            }
            if (idle.isNegative()) {
                throw new IllegalArgumentException("idle interval must not be negative, not " + idle);
            }
        }

        /** {@return every policy, 3 rounds, 100 k round trips after 20 k, 10 M messages, 1 s of idle} */
        public static Options defaults() {
            return new Options(POLICIES, 3, 100_000, 20_000, 10_000_000, Duration.ofSeconds(1));
        }
    }

    /**
     * One system's figures in one round under one policy.
     *
     * @param round          1-based round
     * @param system         "uipc" or "aeron"
     * @param policy         the uipc policy (the pair's name)
     * @param n              ping-pong round trips timed
     * @param p50Ns          one-way median
     * @param p99Ns          one-way 99th percentile
     * @param p999Ns         one-way 99.9th percentile
     * @param msgsPerSecond  1-to-1 throughput at the receiver
     * @param errors         throughput messages out of order or not intact
     * @param idleCpuPercent the receiver JVM's CPU while waiting, % of one core; NaN if not measured
     */
    public record Run(int round, String system, String policy, long n, long p50Ns, long p99Ns, long p999Ns, double msgsPerSecond,
                      long errors, double idleCpuPercent) {
        /** {@return one line for people} */
        public String text() {
            return String.format(Locale.ROOT, "round %d %-16s %-5s one-way n=%d p50=%d p99=%d p99.9=%d ns  1-to-1 %.2f M msgs/s errors=%d"
                + "  idle receiver %s CPU", round, policy, system, n, p50Ns, p99Ns, p999Ns, msgsPerSecond / 1e6, errors,
                Double.isNaN(idleCpuPercent) ? "(not measured)" : String.format(Locale.ROOT, "%.1f%%", idleCpuPercent));
        }

        /** {@return one JSON object on one line} */
        public String toJson() {
            return JsonLine.start().put("run", "versus-aeron").put("round", round).put("system", system).put("policy", policy)
                .put("n", n).put("p50_ns", p50Ns).put("p99_ns", p99Ns).put("p999_ns", p999Ns).put("msgs_per_s", msgsPerSecond, 0)
                .put("errors", errors).put("idle_cpu_pct", idleCpuPercent, 2).toString();
        }
    }

    /**
     * Medians over the rounds of one policy pair, uipc's and Aeron's.
     *
     * @param policy the uipc policy
     * @param rounds rounds the medians are over
     * @param uipc   uipc's medians: p50, p99, p99.9 (ns), msgs/s, idle CPU %
     * @param aeron  Aeron's, in the same order
     */
    public record Median(String policy, int rounds, double[] uipc, double[] aeron) {
        private static String cpu(final double percent) {
            return Double.isNaN(percent) ? "-" : String.format(Locale.ROOT, "%.1f", percent);
        }

        private static String ratio(final double r) {
            return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "-";
        }

        /** {@return the Aeron idle strategy of the pair} */
        public String aeronIdle() {
            return AeronPeer.idleStrategy(policy).getClass().getSimpleName() + (policy.equals("block") ? "(1)" : "");
        }

        /** {@return a Markdown table row: policy pair, then uipc / Aeron / ratio for p50, p99, p99.9, throughput, then idle CPU} */
        public String text() {
            return String.format(Locale.ROOT, "| %s / %s | %.0f / %.0f (%s) | %.0f / %.0f (%s) | %.0f / %.0f (%s) | %.2f / %.2f (%s) | %s / %s |",
                policy, aeronIdle(), uipc[0], aeron[0], ratio(uipc[0] / aeron[0]), uipc[1], aeron[1],
                ratio(uipc[1] / aeron[1]), uipc[2], aeron[2], ratio(uipc[2] / aeron[2]), uipc[3] / 1e6,
                aeron[3] / 1e6, ratio(uipc[3] / aeron[3]), cpu(uipc[4]), cpu(aeron[4]));
        }

        /** {@return one JSON object on one line} */
        public String toJson() {
            return JsonLine.start().put("run", "versus-aeron-median").put("policy", policy).put("aeron_idle", aeronIdle())
                .put("rounds", rounds).put("uipc_p50_ns", uipc[0], 1).put("aeron_p50_ns", aeron[0], 1)
                .put("p50_ratio", uipc[0] / aeron[0], 3).put("uipc_p99_ns", uipc[1], 1).put("aeron_p99_ns", aeron[1], 1)
                .put("p99_ratio", uipc[1] / aeron[1], 3).put("uipc_p999_ns", uipc[2], 1).put("aeron_p999_ns", aeron[2], 1)
                .put("uipc_msgs_per_s", uipc[3], 0).put("aeron_msgs_per_s", aeron[3], 0).put("throughput_ratio", uipc[3] / aeron[3], 3)
                .put("uipc_idle_cpu_pct", uipc[4], 2).put("aeron_idle_cpu_pct", aeron[4], 2).toString();
        }
    }

    /**
     * The whole comparison.
     *
     * @param aeronVersion  Aeron's version
     * @param agronaVersion the Agrona it ran on
     * @param runs          every run, in the order measured
     * @param medians       per policy pair
     */
    public record Report(String aeronVersion, String agronaVersion, List<Run> runs, List<Median> medians) {
        /**
         * The report's lines.
         *
         * @param json one JSON object per line (the header, each run, each median) instead of text and a Markdown table
         * @return the lines
         */
        public List<String> lines(final boolean json) {
            final List<String> lines = new ArrayList<>();
            if (json) {
                lines.add(JsonLine.start().put("run", "versus-aeron-header").put("aeron", aeronVersion).put("agrona", agronaVersion)
                    .put("channel", AeronPeer.CHANNEL).put("driver", "embedded, SHARED, BackoffIdleStrategy").put("message_bytes", 64)
                    .put("aeron_cross_process_wakeup", false).toString());
                runs.forEach(r -> lines.add(r.toJson()));
                medians.forEach(m -> lines.add(m.toJson()));
                return lines;
            }
            lines.add("uipc mailbox vs Aeron IPC: 64-byte messages, claim/commit both sides, " + medians.get(0).rounds()
                + " interleaved rounds");
            lines.add("Aeron " + aeronVersion + " on Agrona " + agronaVersion + " (the benchmarks module's), " + AeronPeer.CHANNEL
                + ", embedded media driver: SHARED, BackoffIdleStrategy; Publication.tryClaim/commit, FragmentHandler");
            lines.add("Aeron has no cross-process wake-up: its receivers poll with an idle strategy; uipc block receivers sleep in the "
                + "kernel until the doorbell");
            runs.forEach(r -> lines.add(r.text()));
            lines.add("");
            lines.add("medians, uipc / Aeron (uipc / Aeron):");
            lines.add("| policy pair | one-way p50 ns | p99 ns | p99.9 ns | 1-to-1 M msgs/s | idle receiver CPU % |");
            lines.add("| --- | --- | --- | --- | --- | --- |");
            medians.forEach(m -> lines.add(m.text()));
            return lines;
        }
    }

    /**
     * Runs the comparison and prints it.
     *
     * @param args {@code --policies spin,spin-yield-block,block --rounds N --round-trips N --warmup N --messages N --idle-ms MS --json}
     */
    public static void main(final String[] args) {
        final Options d = Options.defaults();
        List<String> policies = d.policies();
        int rounds = d.rounds();
        long roundTrips = d.roundTrips();
        long warmup = d.warmup();
        long messages = d.messages();
        Duration idle = d.idle();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            final String v = args[++i];
            switch (args[i - 1]) {
                case "--policies": policies = Arrays.asList(v.split(",")); break;
                case "--rounds": rounds = Integer.parseInt(v); break;
                case "--round-trips": roundTrips = Long.parseLong(v); break;
                case "--warmup": warmup = Long.parseLong(v); break;
                case "--messages": messages = Long.parseLong(v); break;
                case "--idle-ms": idle = Duration.ofMillis(Long.parseLong(v)); break;
                default: throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        run(new Options(policies, rounds, roundTrips, warmup, messages, idle)).lines(json).forEach(System.out::println);
    }

    /**
     * Runs the comparison: a temporary group for uipc, an embedded media driver for Aeron, both
     * removed afterwards.
     *
     * @param o what to run
     * @return the report
     * @throws UipcException if a JVM fails, exits early, or has no result within {@link BenchJvms#RESULT_TIMEOUT}
     */
    public static Report run(final Options o) {
        final List<Run> runs = new ArrayList<>();
        try (TempGroups groups = new TempGroups("aeron-compare"); ProcessGroup group = groups.create("aeron-compare");
             AeronIpcDriver driver = AeronIpcDriver.launch()) {
            int stream = FIRST_STREAM;
            for (int round = 1; round <= o.rounds(); round++) {
                for (final String policy : o.policies()) {
                    final boolean uipcFirst = round % 2 == 1;
                    if (uipcFirst) {
                        runs.add(uipc(group, round, policy, o));
                    }
                    runs.add(aeron(driver, stream, round, policy, o));
                    stream += 2;
                    if (!uipcFirst) {
                        runs.add(uipc(group, round, policy, o));
                    }
                }
            }
        } catch (final AssertionError e) {
            // JvmProcess (test support) reports a JVM that failed, exited or timed out, with its output, as a failed assertion
            throw new UipcException(e.getMessage(), e);
        }
        final List<Median> medians = new ArrayList<>();
        for (final String policy : o.policies()) {
            medians.add(new Median(policy, o.rounds(), medians(runs, "uipc", policy), medians(runs, "aeron", policy)));
        }
        return new Report(AeronIpcDriver.aeronVersion(), AeronIpcDriver.agronaVersion(), runs, medians);
    }

    private static long roundTrips(final String policy, final Options o) {
        return policy.equals("block") ? Math.min(o.roundTrips(), BLOCK_ROUND_TRIPS) : o.roundTrips();
    }

    private static long warmup(final String policy, final Options o) {
        return policy.equals("block") ? Math.min(o.warmup(), BLOCK_WARMUP) : o.warmup();
    }

    private static Run uipc(final ProcessGroup group, final int round, final String policy, final Options o) {
        final MailboxBench.Options mo = new MailboxBench.Options(List.of(1), o.messages(), "raw", policy, roundTrips(policy, o),
            warmup(policy, o), 0, MailboxBench.Options.DEFAULT_PACE_MICROS);
        final MailboxBench.Latency mail = MailboxBench.pingPong(group, "raw", mo).get(1);
        final MailboxBench.Throughput feed = MailboxBench.feed(group, 1, o.messages(), 0, mo, o.idle());
        return new Run(round, "uipc", policy, mail.count(), mail.p50Ns(), mail.p99Ns(), mail.p999Ns(), feed.rate(), feed.errors(),
            feed.idleCpuPercent());
    }

    private static Run aeron(final AeronIpcDriver driver, final int stream, final int round, final String policy, final Options o) {
        final String dir = driver.directory();
        final String count = String.valueOf(o.messages());
        try (JvmProcess rx = BenchJvms.builder("aeron-rx", AeronPeer.class).args("rx", dir, policy, String.valueOf(stream), count).start()) {
            rx.expect("READY");
            final double idleCpu = o.idle().isZero() ? Double.NaN : ProcessCpu.idlePercent(rx, o.idle());
            try (JvmProcess tx = BenchJvms.builder("aeron-tx", AeronPeer.class).args("tx", dir, policy, String.valueOf(stream), count,
                String.valueOf(roundTrips(policy, o)), String.valueOf(warmup(policy, o))).start()) {
                final String[] f = rx.expect(RESULT, BenchJvms.RESULT_TIMEOUT, tx).split(" ");
                final Histogram h = HistogramCodec.decode(tx.expect(RESULT, BenchJvms.RESULT_TIMEOUT, rx).substring(RESULT.length()));
                final double seconds = Double.parseDouble(f[2]);
                return new Run(round, "aeron", policy, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9), seconds > 0 ? Long.parseLong(f[1]) / seconds : Double.NaN, Long.parseLong(f[3]), idleCpu);
            }
        }
    }

    /** {@return a system's medians under a policy: p50, p99, p99.9, msgs/s, idle CPU} */
    private static double[] medians(final List<Run> runs, final String system, final String policy) {
        final List<Run> mine = runs.stream().filter(r -> r.system().equals(system) && r.policy().equals(policy)).toList();
        return new double[] {median(mine, Run::p50Ns), median(mine, Run::p99Ns), median(mine, Run::p999Ns), median(mine, Run::msgsPerSecond),
            median(mine, Run::idleCpuPercent)};
    }

    private static double median(final List<Run> runs, final ToDoubleFunction<Run> figure) {
        final double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
        final int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
