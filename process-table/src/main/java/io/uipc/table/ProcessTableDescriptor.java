package io.uipc.table;

import io.uipc.core.LayoutVersionException;
import io.uipc.core.internal.SharedFileFormat;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

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
 *  |                  Header Length (int32) = 192                  |  12
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
 *  |                  Secret Sequence (int64): even = salt and     | 128
 *  |                  hash stable, odd = a rotation is writing them |
 *  +---------------------------------------------------------------+
 *  |                  Reserved to 192                              | 136
 *  +---------------------------------------------------------------+
 *  |     Entries: Entry Capacity x 320 bytes                       | 192
 *  +---------------------------------------------------------------+
 *  |     Name index: Index Capacity x int32                        |
 *  |     (0 empty, -1 deleted, n &gt; 0: entry slot n - 1)          |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The name index is open addressing with linear probing on the name's
 * {@link String#hashCode()} (names are ASCII, so Java and the bytes agree). Lookups read it
 * without locks and confirm every hit against the entry's state, name and generation;
 * inserts and deletes happen under the group's mutation lock (see {@link LockFileDescriptor}).
 *
 * <p>{@link #fill} writes a fresh header, the magic last with a volatile store, into a file the
 * creator has not published yet; {@link #validate} checks it on attach. After creation only the
 * claim hint (ordered stores by joiners), the reaper pid and the deaths counter (the reaper), and
 * the secret's salt, hash and sequence ({@code uipc rotate-secret}) change; entries and index
 * cells follow {@link MemberEntryDescriptor}'s life cycle.
 *
 * <p>The secret's salt and hash are a seqlock's data: a rotation, under the mutation lock, makes
 * the sequence odd, writes both, then makes it even again (one more than the odd value); a joiner
 * reads the sequence, both fields, then the sequence again, and uses the pair only if the two
 * reads are equal and even, so it sees the old pair or the new one, never half of each. Version
 * 2 added the sequence, and with it the header grew from 128 to 192 bytes. Version 3 gave each
 * entry's reserved word at 48 to the member's failed-sends counter
 * ({@link MemberEntryDescriptor#FAILED_OFFSET}).
 */
public final class ProcessTableDescriptor {
    /** "UIPCPTB1". */
    public static final long MAGIC = 0x5549_5043_5054_4231L;
    /** Layout version. */
    public static final int LAYOUT_VERSION = 3;
    /** Header length. */
    public static final int HEADER_LENGTH = 192;

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
    /** Offset of the secret sequence: odd while a rotation writes the salt and hash. */
    public static final int SECRET_SEQUENCE_OFFSET = 128;

    /** Most entries a table holds. */
    public static final int MAX_ENTRIES = 1 << 20;

    /** Index cell: empty. */
    public static final int INDEX_EMPTY = 0;
    /** Index cell: deleted (tombstone). */
    public static final int INDEX_DELETED = -1;

    /** How {@link io.uipc.core.internal.SharedDirectory} attaches a table file. */
    static final SharedFileFormat FORMAT = new SharedFileFormat("process table", HEADER_LENGTH,
        totalLength(MAX_ENTRIES, indexCapacity(MAX_ENTRIES)), TableCorruptException::new);

    private ProcessTableDescriptor() {
    }

    /**
     * Writes a fresh header into a new, zeroed table file of {@link #totalLength} bytes: the
     * fields, then the magic with a volatile store, so that a header with the magic is complete.
     * Entries and index cells stay zero: FREE and empty.
     *
     * @param table         the whole new file
     * @param entryCapacity entries
     * @param salt          the secret's salt, {@value #SECRET_SALT_LENGTH} bytes
     * @param secretHash    SHA-256 of salt and secret, {@value #SECRET_HASH_LENGTH} bytes
     * @param backend       the interrupt backend's name, ASCII, at most {@value #BACKEND_LENGTH} bytes
     * @throws IllegalArgumentException if a length is wrong
     */
    public static void fill(final AtomicBuffer table, final int entryCapacity, final byte[] salt, final byte[] secretHash,
                            final String backend) {
        final byte[] backendBytes = backend.getBytes(StandardCharsets.US_ASCII);
        if (salt.length != SECRET_SALT_LENGTH || secretHash.length != SECRET_HASH_LENGTH || backendBytes.length > BACKEND_LENGTH) {
            throw new IllegalArgumentException("salt of " + salt.length + " bytes, hash of " + secretHash.length
                + " bytes or backend name '" + backend + "' does not fit the process table header");
        }
        final int indexCapacity = indexCapacity(entryCapacity);
        table.putInt(VERSION_OFFSET, LAYOUT_VERSION);
        table.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        table.putInt(ENTRY_CAPACITY_OFFSET, entryCapacity);
        table.putInt(INDEX_CAPACITY_OFFSET, indexCapacity);
        table.putLong(TOTAL_LENGTH_OFFSET, totalLength(entryCapacity, indexCapacity));
        table.putLong(CREATOR_PID_OFFSET, ProcessHandle.current().pid());
        table.putLong(CREATION_TIME_OFFSET, System.currentTimeMillis());
        table.putBytes(SECRET_SALT_OFFSET, salt);
        table.putBytes(SECRET_HASH_OFFSET, secretHash);
        table.putLong(SECRET_SEQUENCE_OFFSET, 0);
        table.putBytes(BACKEND_OFFSET, backendBytes);
        table.putLongVolatile(MAGIC_OFFSET, MAGIC);
    }

    /**
     * Checks a mapped table before anything else reads it.
     *
     * @param file  the table's path, for messages
     * @param table the whole mapped file
     * @param size  the file's size
     * @throws LayoutVersionException naming the file and both versions, if another build's layout version is in it
     * @throws TableCorruptException naming the file and the field, if the magic, header length or a
     *     capacity is wrong, or the recorded, implied and actual sizes differ
     */
    public static void validate(final String file, final AtomicBuffer table, final long size) {
        if (size < HEADER_LENGTH) {
            throw new TableCorruptException("process table " + file + " is truncated: " + size
                + " bytes, smaller than the " + HEADER_LENGTH + "-byte header");
        }
        final long magic = table.getLongVolatile(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new TableCorruptException(String.format("%s is not a uipc process table: magic 0x%016x, expected 0x%016x",
                file, magic, MAGIC));
        }
        final int version = table.getInt(VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new LayoutVersionException("process table", file, version, LAYOUT_VERSION);
        }
        final int headerLength = table.getInt(HEADER_LENGTH_OFFSET);
        final int entries = table.getInt(ENTRY_CAPACITY_OFFSET);
        final int index = table.getInt(INDEX_CAPACITY_OFFSET);
        if (headerLength != HEADER_LENGTH || entries < 1 || entries > MAX_ENTRIES || index != indexCapacity(entries)) {
            throw new TableCorruptException("process table " + file + " has a corrupt header: header length " + headerLength
                + ", " + entries + " entries, " + index + " index cells");
        }
        final long expected = totalLength(entries, index);
        final long recorded = table.getLong(TOTAL_LENGTH_OFFSET);
        if (recorded != expected || size != expected) {
            throw new TableCorruptException("process table " + file + " has the wrong size: file " + size
                + " bytes, header says " + recorded + ", capacities imply " + expected);
        }
    }

    /**
     * Reads the interrupt backend's name, which says how to attach the group's domain.
     *
     * @param table a table that passed {@link #validate} (or was filled)
     * @return the name the creator recorded, without its NUL padding
     */
    public static String backend(final AtomicBuffer table) {
        final byte[] bytes = new byte[BACKEND_LENGTH];
        table.getBytes(BACKEND_OFFSET, bytes);
        return new String(bytes, StandardCharsets.US_ASCII).trim().replace("\0", "");
    }

    /**
     * The header alone.
     *
     * @param table a table that passed {@link #validate} (or was filled)
     * @return a view of its header
     */
    public static UnsafeBuffer header(final AtomicBuffer table) {
        return new UnsafeBuffer(table, 0, HEADER_LENGTH);
    }

    /**
     * The entries: {@link MemberEntryDescriptor#offset(int)} locates one.
     *
     * @param table a table that passed {@link #validate} (or was filled)
     * @return a view of its entries
     */
    public static UnsafeBuffer entries(final AtomicBuffer table) {
        return new UnsafeBuffer(table, HEADER_LENGTH, table.getInt(ENTRY_CAPACITY_OFFSET) * MemberEntryDescriptor.LENGTH);
    }

    /**
     * The name index: cell {@code i} is the int32 at {@code i * 4}.
     *
     * @param table a table that passed {@link #validate} (or was filled)
     * @return a view of its name index
     */
    public static UnsafeBuffer nameIndex(final AtomicBuffer table) {
        final int entries = table.getInt(ENTRY_CAPACITY_OFFSET);
        return new UnsafeBuffer(table, (int) indexOffset(entries), table.getInt(INDEX_CAPACITY_OFFSET) * Integer.BYTES);
    }

    /**
     * Locates an entry in the table file.
     *
     * @param slot an entry slot of a validated table
     * @return offset of the entry in the file
     */
    public static int entryOffset(final int slot) {
        return HEADER_LENGTH + MemberEntryDescriptor.offset(slot);
    }

    /**
     * Locates a name index cell in the table file.
     *
     * @param entryCapacity the table's entries
     * @param cell          a cell of its name index
     * @return offset of the cell in the file
     */
    public static int indexCellOffset(final int entryCapacity, final int cell) {
        return (int) indexOffset(entryCapacity) + cell * Integer.BYTES;
    }

    /**
     * Sizes the name index.
     *
     * @param entryCapacity entries
     * @return cells in the name index: a power of two at least twice the entries
     */
    public static int indexCapacity(final int entryCapacity) {
        return Integer.highestOneBit(Math.max(2, entryCapacity) * 2 - 1) << 1;
    }

    /**
     * Locates the name index in the table file.
     *
     * @param entryCapacity entries
     * @return offset of the name index
     */
    public static long indexOffset(final int entryCapacity) {
        return HEADER_LENGTH + (long) entryCapacity * MemberEntryDescriptor.LENGTH;
    }

    /**
     * Sizes a table file.
     *
     * @param entryCapacity entries
     * @param indexCapacity index cells
     * @return the file's length
     */
    public static long totalLength(final int entryCapacity, final int indexCapacity) {
        return indexOffset(entryCapacity) + (long) indexCapacity * Integer.BYTES;
    }
}
