package io.uipc.benchmarks;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * A histogram on one line of text: how a harness's child JVM hands its measurement to the
 * coordinator over the line protocol (ping-pong's {@code RESULT} line, the mailbox members'
 * {@code RESULT} lines). HdrHistogram's compressed form, Base64-encoded.
 */
public final class HistogramCodec {
    private HistogramCodec() {
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
