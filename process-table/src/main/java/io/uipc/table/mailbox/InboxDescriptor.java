package io.uipc.table.mailbox;

import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Layout of an inbox file: a 128-byte header, then an Agrona {@code ManyToOneRingBuffer}
 * (its records, then its trailer). One file per inbox, in the group's directory, named after
 * its owner ({@link InboxFile#fileName(String)}).
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
 * reaped (skip it). The first cache line is written once, when the owner creates the file, and then read by
 * every sender (the state changes once more, when the owner closes the inbox). The magic is
 * stored last. The armed word is the doorbell protocol's: the owner sets it before it waits
 * and senders ring only when they take it from 1 to 0 (see {@link Inbox}).
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

    private InboxDescriptor() {
    }

    /**
     * {@return the file's length}
     *
     * @param capacity ring capacity
     */
    public static long totalLength(final int capacity) {
        return (long) HEADER_LENGTH + capacity + RingBufferDescriptor.TRAILER_LENGTH;
    }

    /**
     * {@return the largest message an inbox of that capacity takes: an eighth of it (Agrona's limit for a record's payload) less the sender handle}
     *
     * @param capacity ring capacity
     */
    public static int ringMaxMessage(final int capacity) {
        return capacity / 8 - SENDER_LENGTH;
    }

    /**
     * {@return whether it is a power of two within bounds}
     *
     * @param capacity a candidate ring capacity
     */
    public static boolean validCapacity(final int capacity) {
        return capacity >= MIN_CAPACITY && capacity <= MAX_CAPACITY && Integer.bitCount(capacity) == 1;
    }
}
