package io.uipc.core.emulated;

import org.agrona.BufferUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Layout of a sender's private UITT (the kernel RFC's model): a header line with the claim
 * hint, then the entries ({@link UittDescriptor}), in the sender's own memory.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                UITT Claim Hint (int32)                        |  0  (own cache line,
 *  +---------------------------------------------------------------+      written by claims)
 *  |                Reserved to 64                                 |  4
 *  +---------------------------------------------------------------+
 *  |        Entries: Capacity x 16 bytes ({@link UittDescriptor})  | 64
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Why no magic, version or capacity: the table is allocated by the process that uses it and
 * never leaves it, so nothing attaches or validates it; its capacity is its buffer's. The hint
 * has its own cache line, as in the domain header, so claims do not invalidate the entries
 * senders read.
 */
public final class PrivateUittDescriptor {
    /** Header length; the entries start here. */
    public static final int HEADER_LENGTH = 64;
    /** Offset of the claim hint. */
    public static final int HINT_OFFSET = 0;

    private PrivateUittDescriptor() {
    }

    /**
     * Sizes a private UITT.
     *
     * @param capacity entries
     * @return the table's length
     */
    public static int totalLength(final int capacity) {
        return HEADER_LENGTH + capacity * UittDescriptor.LENGTH;
    }

    /**
     * Allocates a fresh private UITT: zeroed memory is a table of FREE entries.
     *
     * @param capacity entries
     * @return the table, cache-line aligned
     */
    public static UnsafeBuffer allocate(final int capacity) {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(totalLength(capacity), 64));
    }

    /**
     * The header alone, where the claim hint is.
     *
     * @param table a private UITT from {@link #allocate}
     * @return a view of its header
     */
    public static UnsafeBuffer header(final AtomicBuffer table) {
        return new UnsafeBuffer(table, 0, HEADER_LENGTH);
    }

    /**
     * The entries: {@link UittDescriptor#offset(int)} locates one.
     *
     * @param table a private UITT from {@link #allocate}
     * @return a view of its entries
     */
    public static UnsafeBuffer entries(final AtomicBuffer table) {
        return new UnsafeBuffer(table, HEADER_LENGTH, table.capacity() - HEADER_LENGTH);
    }
}
