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
     * Packs a handle.
     *
     * @param index      UITT index
     * @param generation entry generation
     * @return the packed handle
     */
    public static long of(final int index, final int generation) {
        return ((long) generation << 32) | (index & 0xFFFF_FFFFL);
    }

    /**
     * Unpacks a handle's UITT index.
     *
     * @param handle a packed handle
     * @return its UITT index
     */
    public static int index(final long handle) {
        return (int) handle;
    }

    /**
     * Unpacks a handle's entry generation.
     *
     * @param handle a packed handle
     * @return its entry generation
     */
    public static int generation(final long handle) {
        return (int) (handle >>> 32);
    }

    /**
     * Formats a handle for messages.
     *
     * @param handle a packed handle
     * @return "index@generation"
     */
    public static String toString(final long handle) {
        return index(handle) + "@" + Integer.toUnsignedString(generation(handle));
    }
}
