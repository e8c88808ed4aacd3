package io.uipc.table;

import io.uipc.core.internal.SharedFileFormat;
import org.agrona.concurrent.AtomicBuffer;

/**
 * Layout of a group's lock file: byte ranges that processes lock with POSIX record locks
 * ({@link GroupLocks}), which the kernel releases when the holder dies, even by SIGKILL.
 *
 * <pre>
 *   byte 0          mutation lock: join, leave and reaping change the table under it
 *   byte 1          reaper election: whoever holds it reaps
 *   byte 2 + slot   liveness: held by the member in that slot for as long as it lives
 *  +---------------+---------------+---------------+-----+---------------------------+
 *  | mutation      | reaper        | liveness 0    | ... | liveness Entry Capacity-1 |
 *  +---------------+---------------+---------------+-----+---------------------------+
 *  0               1               2                     Total Length = 2 + Entry Capacity
 * </pre>
 *
 * <p>Why no header, magic or version: no byte of the file is ever read or written after it is
 * allocated (zeros); only its ranges are locked. Its layout is part of the group's locking
 * protocol, versioned with the process table ({@link ProcessTableDescriptor#LAYOUT_VERSION}),
 * and validated against the table's entry capacity: the file must be exactly
 * {@link #totalLength} bytes.
 *
 * <p>Lock order: only the mutation lock is ever waited for. The election and liveness locks
 * are only tried ({@code tryLock}): a joiner tries a FREE slot's liveness lock while holding the
 * mutation lock, a leaving member takes the mutation lock while holding its liveness lock, and
 * neither can deadlock the other because a try never waits.
 */
public final class LockFileDescriptor {
    /** Offset of the mutation lock's byte. */
    public static final int MUTATION_OFFSET = 0;
    /** Offset of the reaper election lock's byte. */
    public static final int REAPER_OFFSET = 1;
    /** Offset of slot 0's liveness byte. */
    public static final int LIVENESS_OFFSET = 2;

    /** How {@link io.uipc.core.internal.SharedDirectory} opens a lock file. */
    static final SharedFileFormat FORMAT = new SharedFileFormat("lock file", totalLength(1),
        totalLength(ProcessTableDescriptor.MAX_ENTRIES), TableCorruptException::new);

    private LockFileDescriptor() {
    }

    /**
     * Locates a slot's liveness byte.
     *
     * @param slot a process table slot
     * @return the offset of its liveness lock
     */
    public static long livenessOffset(final int slot) {
        return LIVENESS_OFFSET + (long) slot;
    }

    /**
     * Sizes a lock file.
     *
     * @param entryCapacity the process table's entries
     * @return the lock file's length
     */
    public static long totalLength(final int entryCapacity) {
        return LIVENESS_OFFSET + (long) entryCapacity;
    }

    /**
     * Fills a new lock file. There is nothing to write: its bytes are never read, and
     * allocation zeroed them. It exists so that the lock file is created, like every shared
     * file, through {@link io.uipc.core.internal.SharedDirectory#create} with its descriptor's fill.
     *
     * @param lockFile the whole new file
     */
    public static void fill(final AtomicBuffer lockFile) {
        // the layout is the lock ranges; the content stays zero
    }

    /**
     * Checks an opened lock file against its group's process table.
     *
     * @param file          the lock file's path, for messages
     * @param size          its size
     * @param entryCapacity the process table's entries
     * @throws TableCorruptException naming the file, if its size is not {@link #totalLength} of the entries
     */
    public static void validate(final String file, final long size, final int entryCapacity) {
        final long expected = totalLength(entryCapacity);
        if (size != expected) {
            throw new TableCorruptException("lock file " + file + " has the wrong size: file " + size
                + " bytes, the table's " + entryCapacity + " entries imply " + expected);
        }
    }
}
