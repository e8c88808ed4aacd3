package io.uipc.table;

/**
 * Layout of a group's process table file: a header, the member entries
 * ({@link MemberEntryDescriptor}), then the name index.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Magic "UIPCPTB1" (int64)                     |   0
 *  +---------------------------------------------------------------+
 *  |                  Layout Version (int32)                       |   8
 *  +---------------------------------------------------------------+
 *  |                  Header Length (int32) = 128                  |  12
 *  +---------------------------------------------------------------+
 *  |                  Entry Capacity (int32)                       |  16
 *  +---------------------------------------------------------------+
 *  |                  Index Capacity (int32, power of two)         |  20
 *  +---------------------------------------------------------------+
 *  |                  Total Length (int64)                         |  24
 *  +---------------------------------------------------------------+
 *  |                  Creator PID (int64)                          |  32
 *  +---------------------------------------------------------------+
 *  |                  Creation Time, epoch ms (int64)              |  40
 *  +---------------------------------------------------------------+
 *  |                  Secret Salt (16 bytes)                       |  48
 *  +---------------------------------------------------------------+
 *  |                  Secret Hash: SHA-256(salt || secret) (32)    |  64
 *  +---------------------------------------------------------------+
 *  |                  Entry Claim Hint (int32)                     |  96
 *  +---------------------------------------------------------------+
 *  |                  Reaper PID (int32)                           | 100
 *  +---------------------------------------------------------------+
 *  |                  Deaths Reaped (int64)                        | 104
 *  +---------------------------------------------------------------+
 *  |                  Backend Name (16 bytes ASCII, NUL-padded)    | 112
 *  +---------------------------------------------------------------+
 *  |     Entries: Entry Capacity x 320 bytes                       | 128
 *  +---------------------------------------------------------------+
 *  |     Name index: Index Capacity x int32                        |
 *  |     (0 empty, -1 deleted, n &gt; 0: entry slot n - 1)          |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The name index is open addressing with linear probing on the name's
 * {@link String#hashCode()} (names are ASCII, so Java and the bytes agree). Lookups read it
 * without locks and confirm every hit against the entry's state, name and generation;
 * inserts and deletes happen under the group's mutation lock (see {@link GroupLocks}).
 * The magic is stored last, after the header is complete.
 */
public final class ProcessTableDescriptor {
    /** "UIPCPTB1". */
    public static final long MAGIC = 0x5549_5043_5054_4231L;
    /** Layout version. */
    public static final int LAYOUT_VERSION = 1;
    /** Header length. */
    public static final int HEADER_LENGTH = 128;

    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the entry capacity. */
    public static final int ENTRY_CAPACITY_OFFSET = 16;
    /** Offset of the index capacity. */
    public static final int INDEX_CAPACITY_OFFSET = 20;
    /** Offset of the total length. */
    public static final int TOTAL_LENGTH_OFFSET = 24;
    /** Offset of the creator pid. */
    public static final int CREATOR_PID_OFFSET = 32;
    /** Offset of the creation time. */
    public static final int CREATION_TIME_OFFSET = 40;
    /** Offset of the secret salt. */
    public static final int SECRET_SALT_OFFSET = 48;
    /** Salt length. */
    public static final int SECRET_SALT_LENGTH = 16;
    /** Offset of the secret hash. */
    public static final int SECRET_HASH_OFFSET = 64;
    /** Hash length. */
    public static final int SECRET_HASH_LENGTH = 32;
    /** Offset of the entry claim hint. */
    public static final int ENTRY_HINT_OFFSET = 96;
    /** Offset of the reaper pid. */
    public static final int REAPER_PID_OFFSET = 100;
    /** Offset of the deaths counter. */
    public static final int DEATHS_OFFSET = 104;
    /** Offset of the backend name. */
    public static final int BACKEND_OFFSET = 112;
    /** Backend name length. */
    public static final int BACKEND_LENGTH = 16;

    /** Index cell: empty. */
    public static final int INDEX_EMPTY = 0;
    /** Index cell: deleted (tombstone). */
    public static final int INDEX_DELETED = -1;

    private ProcessTableDescriptor() {
    }

    /**
     * {@return cells in the name index: a power of two at least twice the entries}
     *
     * @param entryCapacity entries
     */
    public static int indexCapacity(final int entryCapacity) {
        return Integer.highestOneBit(Math.max(2, entryCapacity) * 2 - 1) << 1;
    }

    /**
     * {@return offset of the name index}
     *
     * @param entryCapacity entries
     */
    public static long indexOffset(final int entryCapacity) {
        return HEADER_LENGTH + (long) entryCapacity * MemberEntryDescriptor.LENGTH;
    }

    /**
     * {@return the file's length}
     *
     * @param entryCapacity entries
     * @param indexCapacity index cells
     */
    public static long totalLength(final int entryCapacity, final int indexCapacity) {
        return indexOffset(entryCapacity) + (long) indexCapacity * Integer.BYTES;
    }
}
