package io.uipc.core.emulated;

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
 *  |        UPID table: UPID Capacity x 64 bytes ({@link UpidDescriptor})        | 128
 *  +---------------------------------------------------------------+
 *  |        Shared UITT: UITT Capacity x 16 bytes ({@link UittDescriptor})       |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * The magic is written last, with a release store, after a complete header; the file is
 * created under a temporary name and linked into place, so an attacher never sees half a
 * header. Attaching checks magic, version, header length, capacities and that Total Length
 * equals both the length the capacities imply and the file's size.
 */
public final class DomainHeaderDescriptor {
    /** "UIPCDOM1" in ASCII, big-endian digits. */
    public static final long MAGIC = 0x5549_5043_444F_4D31L;
    /** Layout version this build writes and reads. */
    public static final int LAYOUT_VERSION = 1;
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

    private DomainHeaderDescriptor() {
    }

    /**
     * {@return offset of the shared UITT}
     *
     * @param upidCapacity UPID slots
     */
    public static long uittOffset(final int upidCapacity) {
        return HEADER_LENGTH + (long) upidCapacity * UpidDescriptor.LENGTH;
    }

    /**
     * {@return the segment's total length}
     *
     * @param upidCapacity UPID slots
     * @param uittCapacity UITT entries
     */
    public static long totalLength(final int upidCapacity, final int uittCapacity) {
        return uittOffset(upidCapacity) + (long) uittCapacity * UittDescriptor.LENGTH;
    }
}
