package io.uipc.table.mailbox.bench;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

/** HdrHistogram helpers shared by the benchmarks and the examples: nanosecond histograms, one-line percentiles. */
public final class Histograms {
    private Histograms() {
    }

    /** {@return a histogram of nanoseconds, 1 ns to 1 minute, 3 significant digits} */
    public static Histogram nanos() {
        return new Histogram(1, 60_000_000_000L, 3);
    }

    /**
     * {@return "n=... p50=... p90=... p99=... p99.9=... max=... ns", for sub-microsecond latencies}
     *
     * @param h a histogram of nanoseconds
     */
    public static String nanoseconds(final Histogram h) {
        return String.format("n=%d p50=%d p90=%d p99=%d p99.9=%d max=%d ns", h.getTotalCount(), h.getValueAtPercentile(50),
            h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    /**
     * {@return "n=... p50=... p90=... p99=... p99.9=... max=... us"}
     *
     * @param h a histogram of nanoseconds
     */
    public static String micros(final Histogram h) {
        return String.format("n=%d p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f us", h.getTotalCount(),
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
            h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    /**
     * {@return the histogram, compressed and Base64-encoded on one line, for a member JVM to hand to the harness}
     *
     * @param h a histogram
     */
    public static String encode(final Histogram h) {
        final ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        final int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /**
     * {@return the decoded histogram}
     *
     * @param encoded what {@link #encode} gave
     * @throws IllegalArgumentException if it is not one
     */
    public static Histogram decode(final String encoded) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (final DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e, e);
        }
    }
}
