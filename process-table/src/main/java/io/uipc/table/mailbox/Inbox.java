package io.uipc.table.mailbox;

import io.uipc.core.Receiver;
import io.uipc.core.UipcException;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import org.agrona.BitUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.uipc.table.mailbox.InboxDescriptor.ARMED_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.CLOSED;
import static io.uipc.table.mailbox.InboxDescriptor.STATE_OFFSET;

/**
 * A member's inbox, the receiving side: many senders, one receiver, over an Agrona
 * {@link ManyToOneRingBuffer} in a file of the group's directory ({@link InboxDescriptor}).
 * Senders find it by the owner's name ({@link Outbox#connect}); after writing they ring the
 * inbox's doorbell vector, which the owner published in its table entry, so a blocked owner
 * wakes for mail without polling.
 *
 * <p>The doorbell is rung only when needed. A receiver whose wait policy spins first spins on
 * the ring itself (up to 1,000 iterations); then it arms (a volatile store of the armed word)
 * and reads the ring's tail. A sender reads the armed word right after its claim's CAS of the
 * tail, and rings after the commit only if it saw it armed and takes it from 1 to 0. One of the
 * two sees the other's write, so no wake-up is lost; an owner that finds a record claimed when
 * it arms disarms and waits for the commit itself. Senders pay no fence of their own, and an
 * owner that is busy draining costs them no interrupt at all.
 *
 * <p>A sender that dies between claiming a record and committing it would block the ring.
 * Every record carries its writer's member handle, written right after the claim; when the
 * head record is incomplete with mail behind it, the owner checks that writer in the process
 * table: while it is a live member the owner waits (it is slow, not dead), and once the reaper
 * has reclaimed it the owner skips the record ({@code ManyToOneRingBuffer.unblock()}). A writer
 * that died in the few instructions before its handle was written cannot be identified: its
 * record is skipped after the stall timeout. The owner does this, not the reaper, because
 * unblock must run on the consumer thread (it races with reads otherwise) and the reaper may be
 * any process of the group; the reaper's reclaiming is what releases the record.
 *
 * <p>An empty drain reads only the head record's length, not the producers' tail position:
 * reading the tail would pull its cache line away from the next sender's claim, costing that
 * send a cache miss (about a third of a spinning receiver's mail latency here). A writer that
 * died after claiming but before stamping its record's length leaves the head at 0 with the
 * tail moved on; that is seen on every 64th empty drain, or when {@link #receive} checks the
 * tail before it waits.
 *
 * <p>Owned by one thread: the thread of the member's receiver, which calls {@link #drain} or
 * {@link #receive}. {@link #wakeup()} is safe from any thread.
 */
public final class Inbox implements AutoCloseable {
    private static final int WRITER_LIVE = 0;
    private static final int WRITER_DEAD = 1;
    private static final int WRITER_UNKNOWN = 2;
    private static final int RING_SPINS = 1_000;
    private static final int CLAIM_YIELDS = 100;
    private static final long CLAIM_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final int TAIL_CHECK_MASK = 63;

    private final Member owner;
    private final ProcessGroup group;
    private final InboxFile file;
    private final ManyToOneRingBuffer ring;
    private final AtomicBuffer records;
    private final UnsafeBuffer header;
    private final Receiver receiver;
    private final long doorbellHandle;
    private final long vectorBit;
    private final int mask;
    private final long stallTimeoutNanos;
    private final MessageHandler stripSender = this::onRecord;
    private final BackoffIdleStrategy claimWait = new BackoffIdleStrategy(RING_SPINS, CLAIM_YIELDS, CLAIM_PARK_NANOS, CLAIM_PARK_NANOS);
    private MessageHandler handler;
    private long sender;
    private long stalledSince;
    private long quietDrains;
    private long unblocked;
    private boolean closed;

    private Inbox(final Member owner, final InboxFile file, final long doorbellHandle, final InboxConfig config) {
        this.owner = owner;
        this.group = owner.group();
        this.file = file;
        this.ring = file.ring();
        this.records = ring.buffer();
        this.header = file.header();
        this.receiver = owner.receiver();
        this.doorbellHandle = doorbellHandle;
        this.vectorBit = 1L << file.vector();
        this.mask = ring.capacity() - 1;
        this.stallTimeoutNanos = config.stallTimeout().toNanos();
    }

    /**
     * Opens an inbox with the default configuration.
     *
     * @param owner  the member that receives
     * @param vector its doorbell vector, 0..63
     * @return the inbox
     */
    public static Inbox open(final Member owner, final int vector) {
        return open(owner, vector, InboxConfig.defaults());
    }

    /**
     * Creates the member's inbox file (replacing one a dead predecessor of the same name left),
     * then accepts and publishes the doorbell vector, so senders find both by its name.
     *
     * @param owner  the member that receives; its receiver's thread owns the inbox
     * @param vector its doorbell vector, 0..63, not otherwise used by the member
     * @param config capacity, maximum message length, stall timeout
     * @return the inbox
     */
    public static Inbox open(final Member owner, final int vector, final InboxConfig config) {
        final InboxFile file = InboxFile.create(owner.group(), owner.name(), owner.handle(), vector, config);
        try {
            return new Inbox(owner, file, owner.accept(vector), config);
        } catch (final RuntimeException e) {
            deleteFile(file.path());
            throw e;
        }
    }

    /**
     * Reads every complete message up to {@code limit}, in order, handing each to
     * {@code handler} in place (the buffer is the ring; copy what must outlive the call).
     * Also skips an incomplete record whose writer was reclaimed as dead (see the class comment).
     *
     * @param handler receives type, buffer, offset and length of each message
     * @param limit   most messages to read
     * @return messages read
     */
    public int drain(final MessageHandler handler, final int limit) {
        this.handler = handler;
        final long head = ring.consumerPosition();
        final int read = ring.read(stripSender, checkedMessages(head, limit));
        if (read > 0 || ring.consumerPosition() != head) {
            stalledSince = 0;
            return read;
        }
        if (stalledSince == 0 && records.getIntVolatile((int) head & mask) == 0 && (++quietDrains & TAIL_CHECK_MASK) != 0) {
            return 0;
        }
        if (ring.producerPosition() == head) {
            stalledSince = 0;
            return 0;
        }
        final long now = System.nanoTime();
        if (stalledSince == 0) {
            stalledSince = now;
        }
        final int writer = headWriter(head);
        if (writer == WRITER_DEAD || (writer == WRITER_UNKNOWN && now - stalledSince >= stallTimeoutNanos)) {
            stalledSince = 0;
            if (ring.unblock()) {
                unblocked++;
                return ring.read(stripSender, checkedMessages(ring.consumerPosition(), limit));
            }
        }
        return 0;
    }

    /**
     * The ring is shared memory, so untrusted: before Agrona reads (it trusts record lengths, and
     * a corrupt one makes it hand out, then zero, a range past the ring), checks every complete
     * record from {@code head}, up to {@code limit} messages: aligned, within the ring, long
     * enough for the sender handle. Padding (the wrap, or a record aborted or unblocked) is
     * skipped; when only padding was found Agrona is let read 1 message to pass it, and a record
     * committed after this check may then be read unchecked (a writer's, not a corruption's).
     *
     * @return how many messages Agrona may read
     * @throws InboxLayoutException if a record is corrupt
     */
    private int checkedMessages(final long head, final int limit) {
        final int capacity = mask + 1;
        int index = (int) head & mask;
        if ((index & (RecordDescriptor.ALIGNMENT - 1)) != 0) {
            throw corrupt("its consumer position " + head + " is not record-aligned");
        }
        int messages = 0;
        boolean padding = false;
        while (index < capacity && messages < limit) {
            final int length = records.getIntVolatile(RecordDescriptor.lengthOffset(index));
            if (length <= 0) {
                break;
            }
            if (length > capacity - index) {
                throw corrupt("the record at " + index + " claims " + length + " bytes, past the ring's end at " + capacity);
            }
            if (records.getInt(RecordDescriptor.typeOffset(index)) == RingBuffer.PADDING_MSG_TYPE_ID) {
                padding = true;
            } else if (length < RecordDescriptor.HEADER_LENGTH + InboxDescriptor.SENDER_LENGTH) {
                throw corrupt("the record at " + index + " claims " + length + " bytes, too short for its header and sender");
            } else {
                messages++;
            }
            index += BitUtil.align(length, RecordDescriptor.ALIGNMENT);
        }
        return messages == 0 && padding ? 1 : messages;
    }

    private InboxLayoutException corrupt(final String what) {
        return new InboxLayoutException("inbox " + file.path() + " is corrupt: " + what + "; reopen it");
    }

    private void onRecord(final int type, final MutableDirectBuffer buffer, final int index, final int length) {
        sender = buffer.getLong(index);
        handler.onMessage(type, buffer, index + InboxDescriptor.SENDER_LENGTH, length - InboxDescriptor.SENDER_LENGTH);
    }

    /** Who wrote the incomplete record at {@code head}: a live member, a reclaimed one, or unknown. */
    private int headWriter(final long head) {
        final int index = (int) head & mask;
        final int length = records.getIntVolatile(index);
        if (length > 0) {
            return WRITER_LIVE;
        }
        if (length == 0 || records.getIntVolatile(index + Integer.BYTES) <= 0) {
            return WRITER_UNKNOWN;
        }
        final long writer = records.getLongVolatile(index + RecordDescriptor.HEADER_LENGTH);
        if (writer == 0) {
            return WRITER_UNKNOWN;
        }
        return group.isLive(writer) ? WRITER_LIVE : WRITER_DEAD;
    }

    /**
     * {@return the member handle of the sender of the message being handled; valid only inside
     * the handler, e.g. to answer it ({@code group.uittHandle(inbox.sender(), vector)})}
     */
    public long sender() {
        return sender;
    }

    /**
     * {@return messages read; see {@link #drain(MessageHandler, int)}}
     *
     * @param handler receives each message
     */
    public int drain(final MessageHandler handler) {
        return drain(handler, Integer.MAX_VALUE);
    }

    /**
     * Drains, and if nothing is there, waits per the receiver's wait policy for the doorbell,
     * then drains. Other vectors that arrive meanwhile are dispatched to their handlers.
     *
     * @param handler receives each message
     * @param limit   most messages to read
     * @param timeout longest wait; 0 drains once
     * @param unit    unit of {@code timeout}
     * @return messages read; 0 on timeout or {@link #wakeup()}
     */
    public int receive(final MessageHandler handler, final int limit, final long timeout, final TimeUnit unit) {
        int read = drain(handler, limit);
        if (read > 0 || timeout <= 0) {
            return read;
        }
        final long timeoutNanos = unit.toNanos(timeout);
        final long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        final int spins = Math.min(receiver.waitPolicy().spins(), RING_SPINS);
        for (;;) {
            if (spinForMail(spins)) {
                read = drain(handler, limit);
                if (read > 0) {
                    return read;
                }
            }
            header.putIntVolatile(ARMED_OFFSET, 1);
            if (ring.producerPosition() != ring.consumerPosition()) {
                // a record claimed before the arming: its writer may have seen the doorbell unarmed and will not ring
                header.putIntOrdered(ARMED_OFFSET, 0);
                read = awaitClaimed(handler, limit, deadline);
                if (read > 0 || pastDeadline(deadline)) {
                    return read;
                }
                continue;
            }
            final long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (remaining <= 0) {
                return drain(handler, limit);
            }
            final long vectors = receiver.await(remaining, TimeUnit.NANOSECONDS);
            if ((vectors & ~vectorBit) != 0) {
                receiver.dispatch(vectors & ~vectorBit);
            }
            read = drain(handler, limit);
            if (read > 0 || (vectors == 0 && deadline == Long.MAX_VALUE)) {
                return read;
            }
        }
    }

    /**
     * Waits without the doorbell for records claimed before the arming, draining each time (a drain also skips a dead
     * writer's record); returns the messages read, 0 once nothing is claimed (aborted or skipped) or at the deadline.
     */
    private int awaitClaimed(final MessageHandler handler, final int limit, final long deadline) {
        claimWait.reset();
        for (;;) {
            final int read = drain(handler, limit);
            if (read > 0 || ring.producerPosition() == ring.consumerPosition() || pastDeadline(deadline)) {
                return read;
            }
            claimWait.idle();
        }
    }

    private static boolean pastDeadline(final long deadline) {
        return deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
    }

    /** A spinning receiver first watches the ring itself: mail that comes meanwhile needs no doorbell. */
    private boolean spinForMail(final int spins) {
        for (int i = 0; i < spins; i++) {
            if (headComplete()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private boolean headComplete() {
        return records.getIntVolatile((int) ring.consumerPosition() & mask) > 0;
    }

    /** Makes a current or the next {@link #receive} return (it returns 0 if no mail came). */
    public void wakeup() {
        receiver.wakeup();
    }

    /** {@return messages committed but not yet drained, in bytes (including record headers)} */
    public int size() {
        return ring.size();
    }

    /** {@return records of dead (or stalled past the timeout) writers skipped so far} */
    public long unblockedCount() {
        return unblocked;
    }

    /** {@return the doorbell vector} */
    public int vector() {
        return file.vector();
    }

    /** {@return the ring's capacity in bytes} */
    public int capacity() {
        return file.capacity();
    }

    /** {@return the largest payload senders may offer} */
    public int maxMessageLength() {
        return file.maxMessageLength();
    }

    /** {@return the inbox file} */
    public Path path() {
        return file.path();
    }

    /** {@return the owning member} */
    public Member owner() {
        return owner;
    }

    /**
     * Closes: marks the inbox closed (senders get {@link MailResult#RECEIVER_GONE}), withdraws
     * the doorbell's UITT entry and deletes the file. Undrained mail is dropped.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            header.putIntVolatile(STATE_OFFSET, CLOSED);
            receiver.unregisterVector(doorbellHandle);
            deleteFile(file.path());
        }
    }

    private static void deleteFile(final Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (final IOException e) {
            throw new UipcException("cannot delete inbox " + path + ": " + e, e);
        }
    }
}
