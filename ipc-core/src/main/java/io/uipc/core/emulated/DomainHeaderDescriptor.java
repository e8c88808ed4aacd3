package io.uipc.core.emulated;

import io.uipc.core.DomainConfig;
import io.uipc.core.DomainLayoutException;
import io.uipc.core.LayoutVersionException;
import io.uipc.core.internal.SharedFileFormat;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Layout of an interrupt domain segment: a header, then the UPID table, then the shared UITT.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Magic "UIPCDOM1" (int64)                     |  0
 *  +---------------------------------------------------------------+
 *  |                Layout Version (int32)                         |  8
 *  +---------------------------------------------------------------+
 *  |                Header Length (int32) = 128                    | 12
 *  +---------------------------------------------------------------+
 *  |                UPID Capacity (int32)                          | 16
 *  +---------------------------------------------------------------+
 *  |                UITT Capacity (int32)                          | 20
 *  +---------------------------------------------------------------+
 *  |                Total Length in bytes (int64)                  | 24
 *  +---------------------------------------------------------------+
 *  |                Creator PID (int64)                            | 32
 *  +---------------------------------------------------------------+
 *  |                Creation Time, epoch ms (int64)                | 40
 *  +---------------------------------------------------------------+
 *  |                Reserved to 64                                 | 48
 *  +---------------------------------------------------------------+
 *  |                UPID Claim Hint (int32)                        | 64  (own cache line,
 *  +---------------------------------------------------------------+      written by claims)
 *  |                UITT Claim Hint (int32)                        | 68
 *  +---------------------------------------------------------------+
 *  |                Reserved to 128                                | 72
 *  +---------------------------------------------------------------+
 *  |        UPID table: UPID Capacity x 128 bytes ({@link UpidDescriptor})       | 128
 *  +---------------------------------------------------------------+
 *  |        Shared UITT: UITT Capacity x 16 bytes ({@link UittDescriptor})       |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>{@link #fill} writes a fresh header, the magic last with a volatile store; the file is
 * created under a temporary name and renamed into place
 * ({@link io.uipc.core.internal.SharedDirectory}), so an attacher never sees half a header.
 * {@link #validate} checks magic, version, header length, capacities and that Total Length
 * equals both the length the capacities imply and the file's size. The header is written once,
 * by the creator; the claim hints are written by claims with ordered (release) stores and read
 * volatile, as hints only. The slicers ({@link #header}, {@link #upids}, {@link #uitt}) give the
 * views the UPID table and the shared UITT are flyweights over.
 */
public final class DomainHeaderDescriptor {
    /** "UIPCDOM1" in ASCII, big-endian digits. */
    public static final long MAGIC = 0x5549_5043_444F_4D31L;
    /**
     * Layout version this build writes and reads. Version 2: the 128-byte UPID of protocol v2
     * (ON and a 31-bit generation in each PIR word, tagged counters, no shared mask or SN).
     */
    public static final int LAYOUT_VERSION = 2;
    /** Header length. */
    public static final int HEADER_LENGTH = 128;

    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the layout version. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the UPID capacity. */
    public static final int UPID_CAPACITY_OFFSET = 16;
    /** Offset of the UITT capacity. */
    public static final int UITT_CAPACITY_OFFSET = 20;
    /** Offset of the total length. */
    public static final int TOTAL_LENGTH_OFFSET = 24;
    /** Offset of the creator pid. */
    public static final int CREATOR_PID_OFFSET = 32;
    /** Offset of the creation time. */
    public static final int CREATION_TIME_OFFSET = 40;
    /** Offset of the UPID claim hint. */
    public static final int UPID_HINT_OFFSET = 64;
    /** Offset of the UITT claim hint. */
    public static final int UITT_HINT_OFFSET = 68;

    /** How {@link io.uipc.core.internal.SharedDirectory} attaches a domain file. */
    static final SharedFileFormat FORMAT = new SharedFileFormat("interrupt domain", HEADER_LENGTH, Integer.MAX_VALUE,
        DomainLayoutException::new);

    private DomainHeaderDescriptor() {
    }

    /**
     * Writes a fresh header into a new, zeroed segment of {@link #totalLength} bytes: the
     * fields, then the magic with a volatile store, so that a header with the magic is complete.
     *
     * @param segment      the whole new segment
     * @param upidCapacity UPID slots
     * @param uittCapacity shared UITT entries
     */
    public static void fill(final AtomicBuffer segment, final int upidCapacity, final int uittCapacity) {
        segment.putInt(VERSION_OFFSET, LAYOUT_VERSION);
        segment.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        segment.putInt(UPID_CAPACITY_OFFSET, upidCapacity);
        segment.putInt(UITT_CAPACITY_OFFSET, uittCapacity);
        segment.putLong(TOTAL_LENGTH_OFFSET, totalLength(upidCapacity, uittCapacity));
        segment.putLong(CREATOR_PID_OFFSET, ProcessHandle.current().pid());
        segment.putLong(CREATION_TIME_OFFSET, System.currentTimeMillis());
        segment.putLongVolatile(MAGIC_OFFSET, MAGIC);
    }

    /**
     * Checks a mapped segment before anything else reads it.
     *
     * @param file    the segment's path, for messages
     * @param segment the whole mapped segment
     * @param size    the file's size
     * @throws LayoutVersionException naming the file and both versions, if another build's layout version is in it
     * @throws DomainLayoutException naming the file and the field, if the magic, header length or a
     *     capacity is wrong, or the recorded, implied and actual sizes differ
     */
    public static void validate(final String file, final AtomicBuffer segment, final long size) {
        if (size < HEADER_LENGTH) {
            throw new DomainLayoutException("interrupt domain " + file + " is truncated: " + size
                + " bytes, smaller than the " + HEADER_LENGTH + "-byte header");
        }
        final long magic = segment.getLongVolatile(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new DomainLayoutException(String.format("%s is not a uipc interrupt domain: magic 0x%016x, expected 0x%016x",
                file, magic, MAGIC));
        }
        final int version = segment.getInt(VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new LayoutVersionException("domain", file, version, LAYOUT_VERSION);
        }
        final int headerLength = segment.getInt(HEADER_LENGTH_OFFSET);
        if (headerLength != HEADER_LENGTH) {
            throw new DomainLayoutException("interrupt domain " + file + " has header length " + headerLength
                + ", expected " + HEADER_LENGTH);
        }
        final int upidCapacity = segment.getInt(UPID_CAPACITY_OFFSET);
        final int uittCapacity = segment.getInt(UITT_CAPACITY_OFFSET);
        if (upidCapacity < 1 || upidCapacity > DomainConfig.MAX_UPIDS || uittCapacity < 1 || uittCapacity > DomainConfig.MAX_UITT) {
            throw new DomainLayoutException("interrupt domain " + file + " has capacities out of range: "
                + upidCapacity + " UPIDs, " + uittCapacity + " UITT entries");
        }
        final long expected = totalLength(upidCapacity, uittCapacity);
        final long recorded = segment.getLong(TOTAL_LENGTH_OFFSET);
        if (recorded != expected || size != expected) {
            throw new DomainLayoutException("interrupt domain " + file + " has the wrong size: file " + size
                + " bytes, header says " + recorded + ", capacities imply " + expected + " (truncated or corrupt)");
        }
    }

    /**
     * The header alone, where the claim hints are.
     *
     * @param segment a segment that passed {@link #validate} (or was filled)
     * @return a view of its header
     */
    public static UnsafeBuffer header(final AtomicBuffer segment) {
        return new UnsafeBuffer(segment, 0, HEADER_LENGTH);
    }

    /**
     * The UPID table: {@link UpidDescriptor#offset(int)} locates a slot in it.
     *
     * @param segment a segment that passed {@link #validate} (or was filled)
     * @return a view of its UPID table
     */
    public static UnsafeBuffer upids(final AtomicBuffer segment) {
        return new UnsafeBuffer(segment, HEADER_LENGTH, segment.getInt(UPID_CAPACITY_OFFSET) * UpidDescriptor.LENGTH);
    }

    /**
     * The shared UITT: {@link UittDescriptor#offset(int)} locates an entry in it.
     *
     * @param segment a segment that passed {@link #validate} (or was filled)
     * @return a view of its shared UITT
     */
    public static UnsafeBuffer uitt(final AtomicBuffer segment) {
        return new UnsafeBuffer(segment, (int) uittOffset(segment.getInt(UPID_CAPACITY_OFFSET)),
            segment.getInt(UITT_CAPACITY_OFFSET) * UittDescriptor.LENGTH);
    }

    /**
     * Locates a UPID slot in the segment.
     *
     * @param upidIndex a UPID slot
     * @return offset of the slot in the segment
     */
    public static long upidOffset(final int upidIndex) {
        return HEADER_LENGTH + (long) UpidDescriptor.offset(upidIndex);
    }

    /**
     * Locates a shared UITT entry in the segment.
     *
     * @param upidCapacity the segment's UPID slots
     * @param uittIndex    a shared UITT entry
     * @return offset of the entry in the segment
     */
    public static long uittEntryOffset(final int upidCapacity, final int uittIndex) {
        return uittOffset(upidCapacity) + UittDescriptor.offset(uittIndex);
    }

    /**
     * Locates the shared UITT in the segment.
     *
     * @param upidCapacity UPID slots
     * @return offset of the shared UITT
     */
    public static long uittOffset(final int upidCapacity) {
        return HEADER_LENGTH + (long) upidCapacity * UpidDescriptor.LENGTH;
    }

    /**
     * Sizes a segment.
     *
     * @param upidCapacity UPID slots
     * @param uittCapacity UITT entries
     * @return the segment's total length
     */
    public static long totalLength(final int upidCapacity, final int uittCapacity) {
        return uittOffset(upidCapacity) + (long) uittCapacity * UittDescriptor.LENGTH;
    }
}
