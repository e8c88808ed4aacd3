package io.uipc.benchmarks.pingpong;

import io.uipc.benchmarks.JsonLine;
import org.HdrHistogram.Histogram;

/**
 * One mechanism's measurement. Latencies are one-way: half the round-trip time, in ns.
 *
 * @param mechanism           what was measured
 * @param roundTrips          timed round trips (the histogram's count)
 * @param p50Ns               median
 * @param p90Ns               90th percentile
 * @param p99Ns               99th percentile
 * @param p999Ns              99.9th percentile
 * @param maxNs               maximum
 * @param roundTripsPerSecond round trips over the timed run's wall time
 * @param idleCpuPercent      CPU the pong JVM used while idle, in % of one core; NaN if not measured
 */
public record BenchResult(Mechanism mechanism, long roundTrips, double p50Ns, double p90Ns, double p99Ns, double p999Ns,
                          double maxNs, double roundTripsPerSecond, double idleCpuPercent) {
    /**
     * @param mechanism      what was measured
     * @param rtt            round-trip times in ns
     * @param elapsedNanos   wall time of the timed round trips
     * @param idleCpuPercent idle pong CPU, or NaN
     * @return the result, one-way
     */
    static BenchResult of(final Mechanism mechanism, final Histogram rtt, final long elapsedNanos, final double idleCpuPercent) {
        return new BenchResult(mechanism, rtt.getTotalCount(),
            oneWay(rtt, 50), oneWay(rtt, 90), oneWay(rtt, 99), oneWay(rtt, 99.9), rtt.getMaxValue() / 2.0,
            rtt.getTotalCount() * 1e9 / Math.max(1, elapsedNanos), idleCpuPercent);
    }

    private static double oneWay(final Histogram rtt, final double percentile) {
        return rtt.getValueAtPercentile(percentile) / 2.0;
    }

    /**
     * Writes the result as JSON.
     *
     * @return one JSON object on one line: version, timestamp, mechanism, p50_ns, p90_ns, p99_ns, p999_ns, max_ns,
     *     roundtrips_per_s, idle_cpu_pct (null if not measured)
     */
    public String toJson() {
        return JsonLine.start().put("mechanism", mechanism.label()).put("p50_ns", p50Ns, 1).put("p90_ns", p90Ns, 1)
            .put("p99_ns", p99Ns, 1).put("p999_ns", p999Ns, 1).put("max_ns", maxNs, 1).put("roundtrips_per_s", roundTripsPerSecond, 0)
            .put("idle_cpu_pct", idleCpuPercent, 2).toString();
    }
}
