package io.uipc.core.emulated;

import io.uipc.core.Vectors;

/**
 * The vectors a receiver has minted grants for: one grant per vector at a time, as the RFC
 * allows one vector fd per vector (EBUSY for a second), until the receiver releases it. Guarded
 * by the receiver's monitor.
 */
final class MintedGrants {
    private long vectors;

    /** Records a grant for {@code vector}; throws if one is minted and not released. */
    void mint(final int vector) {
        final long bit = 1L << Vectors.check(vector);
        if ((vectors & bit) != 0) {
            throw new IllegalStateException("a grant for vector " + vector + " was already minted (the RFC's EBUSY)");
        }
        vectors |= bit;
    }

    /** Frees {@code vector} for a new grant; returns whether one was minted. */
    boolean release(final int vector) {
        final long bit = 1L << Vectors.check(vector);
        final boolean minted = (vectors & bit) != 0;
        vectors &= ~bit;
        return minted;
    }
}
