package io.uipc.examples;

import org.HdrHistogram.Histogram;

/** HdrHistogram helpers of the example programs: a nanosecond histogram and its one-line percentiles. */
public final class Histograms {
    private Histograms() {
    }

    /** {@return a histogram of nanoseconds, 1 ns to 1 minute, 3 significant digits} */
    public static Histogram nanos() {
        return new Histogram(1, 60_000_000_000L, 3);
    }

    /**
     * {@return the histogram's count and percentiles in microseconds, on one line: "n=... p50=... p90=... p99=... p99.9=... max=... us"}
     *
     * @param h a histogram of nanoseconds
     */
    public static String micros(final Histogram h) {
        return String.format("n=%d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f us", h.getTotalCount(),
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
            h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }
}
