package io.uipc.benchmarks.reaper;

import io.uipc.benchmarks.BenchJvms;
import io.uipc.core.DomainConfig;
import io.uipc.benchmarks.pingpong.ProcessCpu;
import io.uipc.examples.ExampleCommand;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.Signal;
import io.uipc.testing.TempGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reaper benchmark: this JVM creates a group, becomes its elected reaper and measures what
 * reaping costs it while {@code --members} members live in {@code --hosts} other JVMs
 * ({@link ReaperBenchMember}): the CPU time of its liveness thread and of the whole process over
 * {@code --seconds}, as a share of one core, and that of the member JVMs (whose liveness threads
 * write their members' heartbeats). Then, {@code --kills} times, it SIGKILLs a member
 * JVM of one member at a random moment (0 to 400 ms after the last, from {@code --seed}) and
 * measures the time from the signal until the reaper has reclaimed the member (the group's
 * deaths counter moved): death-detection latency, p50, p99 and max.
 *
 * <p>{@code --members 4096} {@code --hosts 4} {@code --seconds 20} {@code --kills 40}
 * {@code --batch 8} (victim JVMs started at a time) {@code --seed 1}.
 */
public final class ReaperBench {
    private static final String GROUP = "reaper-bench";
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final long KILL_SPACING_MILLIS = 400;
    private static final long DETECTION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final double PERCENT = 100.0;

    private ReaperBench() {
    }

    /**
     * Runs the benchmark and prints its two result lines.
     *
     * @param args see the class comment
     * @throws InterruptedException if interrupted while measuring
     */
    public static void main(final String[] args) throws InterruptedException {
        final Options a = ExampleCommand.parse(new Options(), args);
        final int members = a.members;
        final int hosts = a.hosts;
        final int seconds = a.seconds;
        final int kills = a.kills;
        final int batch = a.batch;
        final Random random = new Random(a.seed);
        try (TempGroups groups = new TempGroups(GROUP);
             ProcessGroup group = groups.create(GROUP, members + batch, members + batch, DomainConfig.DEFAULT_UITT)) {
            group.startReaper();
            awaitReaper(group);
            final List<JvmProcess> hostJvms = new ArrayList<>();
            try {
                for (int h = 0; h < hosts; h++) {
                    final int count = members / hosts + (h < members % hosts ? 1 : 0);
                    hostJvms.add(start(group, "host" + h, count));
                }
                for (final JvmProcess host : hostJvms) {
                    host.expect("READY", BenchJvms.RESULT_TIMEOUT);
                }
                if (group.reaperPid() != ProcessHandle.current().pid()) {
                    throw new IllegalStateException("this JVM is no longer the group's reaper");
                }
                System.out.println(cpu(group, hostJvms, members, seconds));
                System.out.println(detection(group, kills, batch, random));
            } finally {
                hostJvms.forEach(JvmProcess::close);
            }
        }
    }

    private static JvmProcess start(final ProcessGroup group, final String prefix, final int count) {
        return BenchJvms.builder(prefix, ReaperBenchMember.class)
            .environment(TempGroups.memberEnvironment(group, prefix, "bench"))
            .args(prefix, Integer.toString(count))
            .start();
    }

    private static void awaitReaper(final ProcessGroup group) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.reaperPid() != ProcessHandle.current().pid()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("this JVM was not elected reaper within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** The reaper's CPU over a window, once the members are in and the JIT has settled. */
    private static String cpu(final ProcessGroup group, final List<JvmProcess> hosts, final int members, final int seconds)
        throws InterruptedException {
        Thread.sleep(WARM_UP.toMillis());
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final long monitor = monitorThreadId();
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final long thread0 = threads.getThreadCpuTime(monitor);
        final long process0 = os.getProcessCpuTime();
        final long hosts0 = hostsCpu(hosts);
        final long wall0 = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        final double wall = System.nanoTime() - wall0;
        final double thread = threads.getThreadCpuTime(monitor) - thread0;
        final double process = os.getProcessCpuTime() - process0;
        final double perHost = (double) (hostsCpu(hosts) - hosts0) / hosts.size();
        return String.format(Locale.ROOT, "reaper cpu: members=%d hosts=%d window=%ds live=%d"
                + " liveness-thread=%.2f%% process=%.2f%% member-jvm=%.2f%% (mean) of a core",
            members, hosts.size(), seconds, group.liveMemberNames().size(), PERCENT * thread / wall, PERCENT * process / wall,
            PERCENT * perHost / wall);
    }

    private static long hostsCpu(final List<JvmProcess> hosts) {
        long sum = 0;
        for (final JvmProcess host : hosts) {
            sum += ProcessCpu.cpuNanos(host.pid());
        }
        return sum;
    }

    private static long monitorThreadId() {
        for (final Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("uipc-monitor-" + GROUP)) {
                return t.getId();
            }
        }
        throw new IllegalStateException("no liveness thread uipc-monitor-" + GROUP);
    }

    /** SIGKILLs one-member JVMs at random moments and times each death until it is reaped. */
    private static String detection(final ProcessGroup group, final int kills, final int batch, final Random random) {
        final long[] latencies = new long[kills];
        int done = 0;
        while (done < kills) {
            final List<JvmProcess> victims = new ArrayList<>();
            try {
                for (int v = 0; v < Math.min(batch, kills - done); v++) {
                    victims.add(start(group, "victim" + (done + v), 1));
                }
                for (final JvmProcess victim : victims) {
                    victim.expect("READY", BenchJvms.RESULT_TIMEOUT);
                }
                for (final JvmProcess victim : victims) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt((int) KILL_SPACING_MILLIS)));
                    latencies[done++] = timeDeath(group, victim);
                }
            } finally {
                victims.forEach(JvmProcess::close);
            }
        }
        Arrays.sort(latencies);
        return String.format(Locale.ROOT, "death detection (SIGKILL to reaped): kills=%d p50=%.1f ms p99=%.1f ms max=%.1f ms",
            kills, millis(percentile(latencies, 0.50)), millis(percentile(latencies, 0.99)), millis(latencies[kills - 1]));
    }

    private static long timeDeath(final ProcessGroup group, final JvmProcess victim) {
        final long before = group.deathsReaped();
        final long start = System.nanoTime();
        victim.signal(Signal.KILL);
        while (group.deathsReaped() == before) {
            if (System.nanoTime() - start > DETECTION_TIMEOUT_NANOS) {
                throw new IllegalStateException(victim.name() + " was not reaped within 30 s of its SIGKILL");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
        final long latency = System.nanoTime() - start;
        victim.kill();
        return latency;
    }

    private static long percentile(final long[] sorted, final double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(final long nanos) {
        return nanos / 1e6;
    }

    /** The benchmark's command line. */
    @Command(name = "reaper", description = "The reaper's cost and detection time in a large group.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--members", paramLabel = "N", description = "Members (default: ${DEFAULT-VALUE}).")
        int members = 4096;
        @Option(names = "--hosts", paramLabel = "N", description = "Host JVMs (default: ${DEFAULT-VALUE}).")
        int hosts = 4;
        @Option(names = "--seconds", paramLabel = "N", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
        int seconds = 20;
        @Option(names = "--kills", paramLabel = "N", description = "Members killed (default: ${DEFAULT-VALUE}).")
        int kills = 40;
        @Option(names = "--batch", paramLabel = "N", description = "Members killed at once (default: ${DEFAULT-VALUE}).")
        int batch = 8;
        @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
        int seed = 1;
    }
}
