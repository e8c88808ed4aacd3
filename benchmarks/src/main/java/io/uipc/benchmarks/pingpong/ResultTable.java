package io.uipc.benchmarks.pingpong;

import java.util.List;
import java.util.Locale;

/**
 * The human form of a run: one row per mechanism, one-way percentiles, and the median
 * normalised to uipc-spin = 1.0 as the UINTR RFC's table was (to the first row if uipc-spin
 * was not run), then the CPU the idle blocked uipc receiver used.
 */
public final class ResultTable {
    private ResultTable() {
    }

    /**
     * {@return the table, lines ending in '\n'}
     *
     * @param results    what {@link PingPongBench#run} returned
     * @param idleMillis the idle interval the CPU figures cover
     */
    public static String format(final List<BenchResult> results, final long idleMillis) {
        final BenchResult reference = results.stream().filter(r -> r.mechanism() == Mechanism.UIPC_SPIN).findFirst()
            .orElse(results.get(0));
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "one-way latency = RTT/2, ns, over %d round trips; p50 relative to %s = 1.0%n",
            reference.roundTrips(), reference.mechanism().label()));
        sb.append(String.format(Locale.ROOT, "%-13s %9s %9s %9s %10s %11s %13s %9s %10s%n",
            "mechanism", "p50", "p90", "p99", "p99.9", "max", "roundtrips/s", "relative", "idle CPU"));
        for (final BenchResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-13s %9.1f %9.1f %9.1f %10.1f %11.1f %13.0f %9.2f %10s%n",
                r.mechanism().label(), r.p50Ns(), r.p90Ns(), r.p99Ns(), r.p999Ns(), r.maxNs(), r.roundTripsPerSecond(),
                r.p50Ns() / reference.p50Ns(), percent(r.idleCpuPercent())));
        }
        sb.append(String.format(Locale.ROOT, "idle CPU: the pong JVM's CPU over %d ms after the run, blocked in receive,"
            + " in %% of one core%n", idleMillis));
        results.stream().filter(r -> r.mechanism() == Mechanism.UIPC_BLOCK && !Double.isNaN(r.idleCpuPercent())).findFirst()
            .ifPresent(r -> sb.append(String.format(Locale.ROOT,
                "idle blocked receiver (uipc, BLOCK policy, asleep in await): %.3f%% of one core%n", r.idleCpuPercent())));
        return sb.toString();
    }

    private static String percent(final double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f%%", value);
    }
}
