package io.uipc.core;

/**
 * A UITT handle: an entry's index and the generation it had when it was issued, packed in one
 * {@code long} (generation in the high 32 bits) so senders can cache and pass it without
 * allocating. A send through a handle whose entry has since been unregistered or reused fails
 * with {@link SendResult#STALE_ENTRY}.
 */
public final class UittHandle {
    private UittHandle() {
    }

    /**
     * {@return the packed handle}
     *
     * @param index      UITT index
     * @param generation entry generation
     */
    public static long of(final int index, final int generation) {
        return ((long) generation << 32) | (index & 0xFFFF_FFFFL);
    }

    /**
     * {@return the handle's UITT index}
     *
     * @param handle a packed handle
     */
    public static int index(final long handle) {
        return (int) handle;
    }

    /**
     * {@return the handle's entry generation}
     *
     * @param handle a packed handle
     */
    public static int generation(final long handle) {
        return (int) (handle >>> 32);
    }

    /**
     * {@return the handle as "index@generation"}
     *
     * @param handle a packed handle
     */
    public static String toString(final long handle) {
        return index(handle) + "@" + Integer.toUnsignedString(generation(handle));
    }
}
