package io.uipc.table;

/**
 * A member handle: the slot of a member's table entry and the entry's generation (Oracle's PID
 * and SERIAL#), packed in one {@code long} so lookups return it, and senders cache and compare
 * it, without allocating.
 *
 * <pre>
 *   63                              32 31                               0
 *  +----------------------------------+----------------------------------+
 *  |  Generation (32)                 |  Slot (32)                       |
 *  +----------------------------------+----------------------------------+
 * </pre>
 *
 * <p>The packing is that of {@link io.uipc.core.UittHandle}, and the same {@code long} is stored
 * in shared memory (an inbox's owner, the sender of each mail record). A handle resolves only
 * while its entry is ACTIVE with that generation: once the member leaves or is reaped, and
 * whoever reuses the slot after it, the handle is stale for good. {@link #NULL} (slot -1) is
 * what a lookup returns when no live member has the name; no entry has slot -1.
 */
public final class MemberHandle {
    /** The handle of no member: what {@link ProcessGroup#lookup} returns when the name is unknown. */
    public static final long NULL = -1L;

    private MemberHandle() {
    }

    /**
     * Packs a handle.
     *
     * @param slot       entry slot, 0 or more
     * @param generation entry generation
     * @return the handle
     */
    public static long of(final int slot, final int generation) {
        return ((long) generation << 32) | (slot & 0xFFFF_FFFFL);
    }

    /**
     * Unpacks the slot.
     *
     * @param handle a member handle
     * @return its entry slot; -1 for {@link #NULL}
     */
    public static int slot(final long handle) {
        return (int) handle;
    }

    /**
     * Unpacks the generation.
     *
     * @param handle a member handle
     * @return its entry generation
     */
    public static int generation(final long handle) {
        return (int) (handle >>> 32);
    }

    /**
     * Tells the null handle apart.
     *
     * @param handle a member handle
     * @return whether it is {@link #NULL}
     */
    public static boolean isNull(final long handle) {
        return handle == NULL;
    }

    /**
     * Formats a handle for messages.
     *
     * @param handle a member handle
     * @return "slot@generation" (the generation unsigned), or "null" for {@link #NULL}
     */
    public static String toString(final long handle) {
        return isNull(handle) ? "null" : slot(handle) + "@" + Integer.toUnsignedString(generation(handle));
    }
}
