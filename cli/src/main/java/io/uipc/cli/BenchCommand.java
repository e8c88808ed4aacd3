package io.uipc.cli;

import io.uipc.benchmarks.mailbox.AeronComparison;
import io.uipc.benchmarks.mailbox.MailboxBench;
import io.uipc.benchmarks.pingpong.BenchOptions;
import io.uipc.benchmarks.pingpong.BenchResult;
import io.uipc.benchmarks.pingpong.Mechanism;
import io.uipc.benchmarks.pingpong.PingPongBench;
import io.uipc.benchmarks.pingpong.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code uipc bench}: the cross-process latency benchmark ({@link PingPongBench}, benchmarks
 * module). A ping JVM and a pong JVM per mechanism; one-way latency (RTT/2) percentiles from
 * HdrHistogram, normalised to uipc-spin. With {@code --mailbox}: 64-byte mailbox latency and
 * throughput instead ({@link MailboxBench}); with {@code --mailbox --peer aeron}, the mailbox against
 * Aeron IPC in interleaved rounds ({@link AeronComparison}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark uipc against other IPC: latency, throughput, idle CPU.",
        "Cross-process ping-pong: one-way latency p50/p90/p99/p99.9/max and round trips per second for uipc "
        + "(spin, block, default policy) and the alternatives (Unix socket, FIFO, POSIX signal), normalised to uipc-spin = 1.0, "
        + "plus the CPU an idle blocked receiver uses.",
        "Compare with the C baseline, benchmarks/c-baseline/ipc-baseline.sh, run in the same session."})
final class BenchCommand implements Callable<Integer> {
    private static final List<String> NOT_FOR_MAILBOX = List.of("--mechanisms", "--pin", "--dir", "--idle-ms", "--warmup-ms");
    private static final List<String> NOT_FOR_AERON = List.of("--mechanisms", "--pin", "--dir", "--warmup-ms", "--paced-messages");
    private static final List<String> ONLY_FOR_AERON = List.of("--rounds", "--policies");

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per mechanism per line: version, timestamp, mechanism, p50_ns, p90_ns, p99_ns, "
        + "p999_ns, max_ns, roundtrips_per_s, idle_cpu_pct. With --mailbox, one per result: run (ping-pong or throughput) and its "
        + "figures. Figures not measured are null.")
    boolean json;

    @Option(names = "--mechanisms", split = ",", paramLabel = "M",
        description = "Mechanisms, comma-separated (default: all): uipc-spin, uipc-block, uipc-default, unix-socket, fifo, signal.")
    List<String> mechanisms;

    @Option(names = "--round-trips", paramLabel = "N", description = "Timed round trips per mechanism (default: ${DEFAULT-VALUE}).")
    int roundTrips = BenchOptions.DEFAULT_ROUND_TRIPS;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed round trips first (default: ${DEFAULT-VALUE}).")
    int warmup = BenchOptions.DEFAULT_WARMUP_ROUND_TRIPS;

    @Option(names = "--warmup-ms", paramLabel = "MS", description = "Warm up for at least this long (default: ${DEFAULT-VALUE}).")
    long warmupMillis = 1000;

    @Option(names = "--idle-ms", paramLabel = "MS", description = "Watch the idle blocked receiver's CPU (with --peer aeron: each receiver's) this long; "
        + "0 skips (default: ${DEFAULT-VALUE}).")
    long idleMillis = 1000;

    @Option(names = "--pin", description = "Pin ping to CPU 0 and pong to CPU 1, as the C baseline does.")
    boolean pin;

    @Option(names = "--dir", paramLabel = "D", description = "Directory for the run's temporary files (default: /dev/shm).")
    Path dir;

    @Option(names = "--mailbox", description = "Benchmark mailboxes instead: 64-byte messages; ping-pong latency by mail alternating "
        + "with interrupt-only round trips (--round-trips and --warmup each), and 1-to-1 / 4-to-1 throughput.")
    boolean mailbox;

    @Option(names = "--messages", paramLabel = "N", description = "With --mailbox: messages per throughput run (default: ${DEFAULT-VALUE}).")
    long messages = MailboxBench.Options.defaults().messages();

    @Option(names = "--paced-messages", paramLabel = "N", description = "With --mailbox: messages per sender in the paced latency runs, "
        + "each sender pausing " + MailboxBench.Options.DEFAULT_PACE_MICROS + " us after each; 0 skips them (default: ${DEFAULT-VALUE}).")
    long pacedMessages = MailboxBench.Options.defaults().pacedMessages();

    @Option(names = "--peer", paramLabel = "P", description = "With --mailbox: compare with a peer instead, 'aeron' (Aeron IPC, aeron:ipc, "
        + "embedded media driver): ping-pong latency, 1-to-1 throughput and idle receiver CPU per receiver policy, interleaved, "
        + "medians over --rounds.")
    String peer;

    @Option(names = "--rounds", paramLabel = "N", description = "With --peer aeron: interleaved rounds, medians over them (default: ${DEFAULT-VALUE}).")
    int rounds = AeronComparison.Options.defaults().rounds();

    @Option(names = "--policies", split = ",", paramLabel = "P", description = "With --peer aeron: receiver policies, each against its Aeron "
        + "idle strategy: spin (BusySpin), spin-yield-block (Backoff), block (SleepingMillis(1)) (default: all).")
    List<String> policies = AeronComparison.POLICIES;

    @Override
    public Integer call() {
        if (peer != null) {
            return compare();
        }
        for (final String option : ONLY_FOR_AERON) {
            refuse(option, "applies only to --mailbox --peer aeron");
        }
        if (mailbox) {
            for (final String option : NOT_FOR_MAILBOX) {
                refuse(option, "does not apply to --mailbox");
            }
            final MailboxBench.Options options = MailboxBench.Options.defaults().withMessages(messages).withRounds(roundTrips, warmup)
                .withPacedMessages(pacedMessages);
            for (final MailboxBench.Result r : MailboxBench.run(options)) {
                System.out.println(json ? r.toJson() : r.text());
            }
            return 0;
        }
        BenchOptions options = BenchOptions.defaults()
            .withRoundTrips(roundTrips)
            .withWarmup(warmup, Duration.ofMillis(warmupMillis))
            .withIdleInterval(Duration.ofMillis(idleMillis))
            .withPinnedCpus(pin);
        if (mechanisms != null) {
            options = options.withMechanisms(mechanisms.stream().map(Mechanism::parse).collect(Collectors.toList()));
        }
        if (dir != null) {
            options = options.withDirectory(dir);
        }
        final List<BenchResult> results = PingPongBench.run(options);
        if (json) {
            results.forEach(r -> System.out.println(r.toJson()));
        } else {
            System.out.print(ResultTable.format(results, options.idleInterval().toMillis()));
        }
        return 0;
    }

    /** {@code --mailbox --peer aeron}: the mailbox against Aeron IPC. */
    private int compare() {
        if (!mailbox || !peer.equals("aeron")) {
            throw new ParameterException(spec.commandLine(), "--peer takes 'aeron', with --mailbox; not " + peer
                + (mailbox ? "" : " without --mailbox"));
        }
        for (final String option : NOT_FOR_AERON) {
            refuse(option, "does not apply to --peer aeron");
        }
        final AeronComparison.Options options = new AeronComparison.Options(policies, rounds, roundTrips, warmup, messages,
            Duration.ofMillis(idleMillis));
        AeronComparison.run(options).lines(json).forEach(System.out::println);
        return 0;
    }

    private void refuse(final String option, final String why) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new ParameterException(spec.commandLine(), option + " " + why);
        }
    }
}
