package io.uipc.table.mailbox;

import io.uipc.core.LayoutVersionException;
import io.uipc.core.Vectors;
import io.uipc.core.internal.SharedFileFormat;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Layout of an inbox file: a 128-byte header, then an Agrona {@code ManyToOneRingBuffer}
 * (its records, then its trailer). One file per inbox, in the group's directory, named after
 * its owner ({@link io.uipc.table.GroupFileNames#inbox(String)}).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Magic "UIPCMBX1" (int64)                     |   0
 *  +---------------------------------------------------------------+
 *  |                  Layout Version (int32)                       |   8
 *  +---------------------------------------------------------------+
 *  |                  Header Length (int32) = 128                  |  12
 *  +---------------------------------------------------------------+
 *  |                  Ring Capacity, bytes (int32, power of two)   |  16
 *  +---------------------------------------------------------------+
 *  |                  Max Message Length, bytes (int32)            |  20
 *  +---------------------------------------------------------------+
 *  |                  Total Length (int64)                         |  24
 *  +---------------------------------------------------------------+
 *  |                  Owner Member Handle: slot | generation (int64)|  32
 *  +---------------------------------------------------------------+
 *  |                  Doorbell Vector (int32)                      |  40
 *  +---------------------------------------------------------------+
 *  |                  State: 1 open, 2 closed (int32)              |  44
 *  +---------------------------------------------------------------+
 *  |                  Creator PID (int64)                          |  48
 *  +---------------------------------------------------------------+
 *  |                  Creation Time, epoch ms (int64)              |  56
 *  +---------------------------------------------------------------+
 *  |                  Doorbell Armed (int32), own cache line       |  64
 *  +---------------------------------------------------------------+
 *  |                  Reserved to 128                              |  68
 *  +---------------------------------------------------------------+
 *  |     Ring records: Ring Capacity bytes                         | 128
 *  +---------------------------------------------------------------+
 *  |     Ring trailer: Agrona RingBufferDescriptor.TRAILER_LENGTH  |
 *  |     (tail, head cache, head, correlation, consumer heartbeat) |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Each record in the ring, 8-byte aligned:
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  |  Length (int32): negative while being written, then positive  |   0
 *  +---------------------------------------------------------------+
 *  |  Type (int32): the message type, or Agrona's padding (-1)     |   4
 *  +---------------------------------------------------------------+
 *  |  Sender: the writer's member handle (int64)                   |   8
 *  +---------------------------------------------------------------+
 *  |  Message ...                                                  |  16
 * </pre>
 *
 * <p>The sender handle is written right after the claim, before the message, so the owner can
 * tell whether the writer of a record stuck at the head is still a live member (wait) or was
 * reaped (skip it). The first cache line is written once, by {@link #fill} when the owner
 * creates the file (the magic last, with a volatile store), and then read by every sender; the
 * state changes once more, when the owner closes the inbox (a volatile store). The armed word
 * is the doorbell protocol's: the owner sets it before it waits and senders ring only when they
 * take it from 1 to 0 by CAS (see {@link Inbox}). The ring's words are Agrona's.
 */
public final class InboxDescriptor {
    /** "UIPCMBX1". */
    public static final long MAGIC = 0x5549_5043_4d42_5831L;
    /** Layout version. */
    public static final int LAYOUT_VERSION = 1;
    /** Header length; the ring starts here. */
    public static final int HEADER_LENGTH = 128;

    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the layout version. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the ring capacity. */
    public static final int CAPACITY_OFFSET = 16;
    /** Offset of the maximum message length. */
    public static final int MAX_MESSAGE_OFFSET = 20;
    /** Offset of the total length. */
    public static final int TOTAL_LENGTH_OFFSET = 24;
    /** Offset of the owner's member handle. */
    public static final int OWNER_OFFSET = 32;
    /** Offset of the doorbell vector. */
    public static final int VECTOR_OFFSET = 40;
    /** Offset of the state. */
    public static final int STATE_OFFSET = 44;
    /** Offset of the creator pid. */
    public static final int CREATOR_PID_OFFSET = 48;
    /** Offset of the creation time. */
    public static final int CREATION_TIME_OFFSET = 56;
    /** Offset of the doorbell-armed word. */
    public static final int ARMED_OFFSET = 64;

    /** State: accepting mail. */
    public static final int OPEN = 1;
    /** State: closed by its owner; senders get {@link MailResult#RECEIVER_GONE}. */
    public static final int CLOSED = 2;

    /** Bytes of each record's payload before the message: the sender's member handle. */
    public static final int SENDER_LENGTH = 8;

    /** Smallest ring capacity. */
    public static final int MIN_CAPACITY = 1024;
    /** Largest ring capacity. */
    public static final int MAX_CAPACITY = 1 << 30;

    /** How {@link io.uipc.core.internal.SharedDirectory} attaches an inbox file. */
    static final SharedFileFormat FORMAT = new SharedFileFormat("inbox", HEADER_LENGTH, totalLength(MAX_CAPACITY),
        InboxLayoutException::new);

    private InboxDescriptor() {
    }

    /**
     * Writes a fresh header into a new, zeroed inbox file of {@link #totalLength} bytes: the
     * fields, state OPEN, then the magic with a volatile store. The ring stays zero: empty.
     *
     * @param inbox            the whole new file
     * @param capacity         ring capacity
     * @param maxMessageLength largest message
     * @param owner            the owner's member handle
     * @param vector           the doorbell vector
     */
    public static void fill(final AtomicBuffer inbox, final int capacity, final int maxMessageLength, final long owner,
                            final int vector) {
        inbox.putInt(VERSION_OFFSET, LAYOUT_VERSION);
        inbox.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        inbox.putInt(CAPACITY_OFFSET, capacity);
        inbox.putInt(MAX_MESSAGE_OFFSET, maxMessageLength);
        inbox.putLong(TOTAL_LENGTH_OFFSET, totalLength(capacity));
        inbox.putLong(OWNER_OFFSET, owner);
        inbox.putInt(VECTOR_OFFSET, vector);
        inbox.putInt(STATE_OFFSET, OPEN);
        inbox.putLong(CREATOR_PID_OFFSET, ProcessHandle.current().pid());
        inbox.putLong(CREATION_TIME_OFFSET, System.currentTimeMillis());
        inbox.putInt(ARMED_OFFSET, 0);
        inbox.putLongVolatile(MAGIC_OFFSET, MAGIC);
    }

    /**
     * Checks a mapped inbox before a sender reads it.
     *
     * @param file  the inbox's path, for messages
     * @param inbox the whole mapped file
     * @param size  the file's size
     * @throws LayoutVersionException naming the file and both versions, if another build's layout version is in it
     * @throws InboxLayoutException naming the file and the field, if the magic, header
     *     length, capacity, maximum message or vector is wrong, or the recorded, implied and
     *     actual sizes differ
     */
    public static void validate(final String file, final AtomicBuffer inbox, final long size) {
        if (size < HEADER_LENGTH) {
            throw new InboxLayoutException("inbox " + file + " is truncated: " + size + " bytes, smaller than the "
                + HEADER_LENGTH + "-byte header");
        }
        final long magic = inbox.getLongVolatile(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new InboxLayoutException(String.format("%s is not a uipc inbox: magic 0x%016x, expected 0x%016x", file, magic, MAGIC));
        }
        final int version = inbox.getInt(VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new LayoutVersionException("inbox", file, version, LAYOUT_VERSION);
        }
        final int headerLength = inbox.getInt(HEADER_LENGTH_OFFSET);
        final int capacity = inbox.getInt(CAPACITY_OFFSET);
        final int maxMessage = inbox.getInt(MAX_MESSAGE_OFFSET);
        final int vector = inbox.getInt(VECTOR_OFFSET);
        if (headerLength != HEADER_LENGTH || !validCapacity(capacity) || maxMessage < 1
            || maxMessage > ringMaxMessage(capacity) || vector < 0 || vector > Vectors.MAX) {
            throw new InboxLayoutException("inbox " + file + " has a corrupt header: header length " + headerLength + ", capacity "
                + capacity + ", max message " + maxMessage + ", vector " + vector);
        }
        final long expected = totalLength(capacity);
        final long recorded = inbox.getLong(TOTAL_LENGTH_OFFSET);
        if (recorded != expected || size != expected) {
            throw new InboxLayoutException("inbox " + file + " has the wrong size: file " + size + " bytes, header says " + recorded
                + ", capacity " + capacity + " implies " + expected);
        }
    }

    /**
     * The header alone.
     *
     * @param inbox an inbox that passed {@link #validate} (or was filled)
     * @return a view of its header
     */
    public static UnsafeBuffer header(final AtomicBuffer inbox) {
        return new UnsafeBuffer(inbox, 0, HEADER_LENGTH);
    }

    /**
     * The ring: its records, then Agrona's trailer, as a {@code ManyToOneRingBuffer} wants it.
     *
     * @param inbox an inbox that passed {@link #validate} (or was filled)
     * @return a view of its ring
     */
    public static UnsafeBuffer ring(final AtomicBuffer inbox) {
        return new UnsafeBuffer(inbox, HEADER_LENGTH, inbox.getInt(CAPACITY_OFFSET) + RingBufferDescriptor.TRAILER_LENGTH);
    }

    /**
     * Sizes an inbox file.
     *
     * @param capacity ring capacity
     * @return the file's length
     */
    public static long totalLength(final int capacity) {
        return (long) HEADER_LENGTH + capacity + RingBufferDescriptor.TRAILER_LENGTH;
    }

    /**
     * Bounds a message.
     *
     * @param capacity ring capacity
     * @return the largest message an inbox of that capacity takes: an eighth of it (Agrona's
     *     limit for a record's payload) less the sender handle
     */
    public static int ringMaxMessage(final int capacity) {
        return capacity / 8 - SENDER_LENGTH;
    }

    /**
     * Checks a ring capacity.
     *
     * @param capacity a candidate ring capacity
     * @return whether it is a power of two within bounds
     */
    public static boolean validCapacity(final int capacity) {
        return capacity >= MIN_CAPACITY && capacity <= MAX_CAPACITY && Integer.bitCount(capacity) == 1;
    }
}
