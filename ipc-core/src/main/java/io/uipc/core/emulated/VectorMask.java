package io.uipc.core.emulated;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A receiver's vector mask, bit v set = vector v masked. It lives in the receiver's own process,
 * not in the UPID: only the receiver reads it (senders never do), so a late mask of a closed
 * receiver can never change the mask of a newcomer that claimed the slot. Any thread may change
 * it; changes are CASes so that two threads masking different vectors lose neither.
 */
final class VectorMask {
    private static final VarHandle BITS;

    static {
        try {
            BITS = MethodHandles.lookup().findVarHandle(VectorMask.class, "bits", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long bits;

    /** Returns the vectors not masked, as a bit set: what a take may clear. */
    long unmasked() {
        return ~bits;
    }

    /** Sets ({@code masked}) or clears one vector's bit. */
    void set(final int vector, final boolean masked) {
        final long bit = 1L << vector;
        long m;
        do {
            m = bits;
        } while (!BITS.compareAndSet(this, m, masked ? m | bit : m & ~bit));
    }
}
