package io.uipc.table.mailbox;

import io.uipc.core.UipcException;
import io.uipc.table.Member;
import io.uipc.table.MemberHandle;
import io.uipc.table.ProcessGroup;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.uipc.table.mailbox.InboxDescriptor.ARMED_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.OPEN;
import static io.uipc.table.mailbox.InboxDescriptor.STATE_OFFSET;

/**
 * The sending side of one member's {@link Inbox}: found by the owner's name, validated, then
 * cached. Each offer writes the message into the inbox's ring, then rings the doorbell if the
 * owner armed it. Offers never block unless given a timeout, and never drop silently: a full
 * inbox gives {@link MailResult#FULL}, a message over the inbox's maximum is refused with
 * {@link IllegalArgumentException}, a gone owner gives {@link MailResult#RECEIVER_GONE}.
 *
 * <p>Offers allocate nothing. One outbox per sending thread (the typed path uses Chronicle
 * Bytes, which are single-threaded); any number of outboxes, in any processes, may feed one
 * inbox. Connecting also initialises Chronicle Bytes (about 0.3 s, once per JVM), so the first
 * typed offer does not pay for it between claiming and committing its record.
 *
 * <p>After each commit (and doorbell) an outbox that made the ring's last claim takes the cache
 * line its next record will spill into: an atomic add of 0, which changes no byte whoever writes
 * there, but brings the line to this core for writing. The owner zeroed that line when it read
 * the ring's previous lap (Agrona's read zeroes what it reads), so in a ring that fits the
 * owner's cache (the default 256 KiB does) it sits modified there, and the next send's stores
 * would wait for it: a cross-core transfer on the path of every message of a ping-pong. The add
 * is off that path, as the record is already committed and the doorbell rung. Its price, one
 * locked instruction per message, is about 10% of a stream's rate (docs/mailbox.md).
 */
public final class Outbox {
    private static final int SPINS = 100;
    private static final int YIELDS = 1_000;
    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final Member sender;
    private final ProcessGroup group;
    private final String ownerName;
    private final long ownerHandle;
    private final long doorbellHandle;
    private final long senderHandle;
    private final InboxFile file;
    private final ManyToOneRingBuffer ring;
    private final AtomicBuffer records;
    private final UnsafeBuffer header;
    private final int maxMessageLength;
    private final int mask;
    private final RegionBytes typed;
    /** Ring index just past the record this outbox claimed last. */
    private int claimEnd;
    /** The owner had armed the doorbell when one of this outbox's uncommitted records was claimed: ring after the commit. */
    private boolean ringAfterCommit;

    private Outbox(final Member sender, final String ownerName, final long ownerHandle, final long doorbellHandle, final InboxFile file) {
        this.sender = sender;
        this.group = sender.group();
        this.ownerName = ownerName;
        this.ownerHandle = ownerHandle;
        this.doorbellHandle = doorbellHandle;
        this.senderHandle = sender.handle();
        this.file = file;
        this.ring = file.ring();
        this.records = ring.buffer();
        this.header = file.header();
        this.maxMessageLength = file.maxMessageLength();
        this.mask = ring.capacity() - 1;
        this.typed = new RegionBytes(records);
    }

    /**
     * Finds a member's inbox by name, through the process table, and validates its file.
     *
     * @param sender    the sending member (its doorbell sends are counted in its entry)
     * @param ownerName the inbox owner's member name
     * @return the outbox
     * @throws UipcException        if no live member has the name, or it has no open inbox
     * @throws InboxLayoutException if its inbox file fails validation
     */
    public static Outbox connect(final Member sender, final String ownerName) {
        final ProcessGroup group = sender.group();
        final long member = group.lookup(ownerName);
        if (MemberHandle.isNull(member)) {
            throw new UipcException("no live member named '" + ownerName + "' in group " + group.name());
        }
        final InboxFile file = InboxFile.attach(group, ownerName);
        if (file.owner() != member) {
            throw new UipcException("the inbox file of '" + ownerName + "' belongs to member " + MemberHandle.toString(file.owner())
                + ", not to the live member " + MemberHandle.toString(member) + ": that member has not opened an inbox");
        }
        if (file.header().getIntVolatile(STATE_OFFSET) != OPEN) {
            throw new UipcException("the inbox of '" + ownerName + "' is closed");
        }
        final long doorbell = group.uittHandle(member, file.vector());
        if (doorbell == ProcessGroup.NO_UITT_HANDLE) {
            throw new UipcException("member '" + ownerName + "' does not accept its inbox's doorbell vector " + file.vector()
                + " (inbox not opened yet, or the member left)");
        }
        return new Outbox(sender, ownerName, member, doorbell, file);
    }

    /**
     * Copies a message into the inbox and rings the doorbell if the owner waits.
     *
     * @param type   message type, at least 1
     * @param src    the message
     * @param offset its offset in {@code src}
     * @param length its length
     * @return a {@link MailResult} code
     * @throws IllegalArgumentException if longer than {@link #maxMessageLength()}
     */
    public int offer(final int type, final DirectBuffer src, final int offset, final int length) {
        final int at = claim(type, length);
        if (at < 0) {
            return at;
        }
        records.putBytes(at, src, offset, length);
        return commit(at);
    }

    /**
     * {@link #offer(int, DirectBuffer, int, int)}, waiting up to {@code timeout} while the inbox
     * is full (spinning, then yielding, then parking 50 us at a time).
     *
     * @param type    message type
     * @param src     the message
     * @param offset  its offset
     * @param length  its length
     * @param timeout longest wait for room
     * @param unit    unit of {@code timeout}
     * @return a {@link MailResult} code; {@link MailResult#FULL} if still full at the deadline
     */
    public int offer(final int type, final DirectBuffer src, final int offset, final int length, final long timeout, final TimeUnit unit) {
        int result = offer(type, src, offset, length);
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (int idle = 0; result == MailResult.FULL && backOff(idle, deadline); idle++) {
            result = offer(type, src, offset, length);
        }
        return result;
    }

    /**
     * Writes a typed message in place: claims {@link Mail#encodedLength()} bytes of the ring,
     * has the message write itself there through Chronicle Bytes, commits, rings if needed.
     *
     * @param mail the message
     * @return a {@link MailResult} code
     * @throws IllegalArgumentException if longer than {@link #maxMessageLength()}
     * @throws IllegalStateException    if it wrote other than its encoded length (nothing is sent)
     */
    public int offer(final Mail mail) {
        final int length = mail.encodedLength();
        final int offset = claim(mail.mailType(), length);
        if (offset < 0) {
            return offset;
        }
        final Bytes<Void> bytes;
        try {
            bytes = typed.forWrite(offset, length);
            mail.writeMarshallable(bytes);
        } catch (final RuntimeException e) {
            abort(offset);
            throw e;
        }
        final long written = bytes.writePosition() - offset;
        if (written != length) {
            abort(offset);
            throw new IllegalStateException(mail.getClass().getName() + " wrote " + written + " bytes but its encodedLength() is "
                + length + ": not sent");
        }
        return commit(offset);
    }

    /**
     * {@link #offer(Mail)}, waiting up to {@code timeout} while the inbox is full.
     *
     * @param mail    the message
     * @param timeout longest wait for room
     * @param unit    unit of {@code timeout}
     * @return a {@link MailResult} code; {@link MailResult#FULL} if still full at the deadline
     */
    public int offer(final Mail mail, final long timeout, final TimeUnit unit) {
        int result = offer(mail);
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (int idle = 0; result == MailResult.FULL && backOff(idle, deadline); idle++) {
            result = offer(mail);
        }
        return result;
    }

    /**
     * Zero-copy send, step 1: claims room for a message of {@code length} bytes and stamps the
     * record with this sender's member handle (so the owner can tell a dead writer from a slow
     * one). Write the message into {@link #buffer()} at the returned offset, then
     * {@link #commit} (or {@link #abort}) it at once.
     *
     * @param type   message type, at least 1
     * @param length message length
     * @return the offset to write at, or a negative {@link MailResult} code
     * @throws IllegalArgumentException if longer than {@link #maxMessageLength()}
     */
    public int claim(final int type, final int length) {
        checkLength(length);
        if (!ownerLive()) {
            return MailResult.RECEIVER_GONE;
        }
        final int index = ring.tryClaim(type, length + InboxDescriptor.SENDER_LENGTH);
        if (index < 0) {
            return MailResult.FULL;
        }
        claimEnd = index + BitUtil.align(length + InboxDescriptor.SENDER_LENGTH + RecordDescriptor.HEADER_LENGTH,
            RecordDescriptor.ALIGNMENT) - RecordDescriptor.HEADER_LENGTH;
        // after the claim's CAS on the tail (a full fence): the owner armed before the claim, or sees it (Inbox#receive)
        ringAfterCommit |= header.getIntVolatile(ARMED_OFFSET) != 0;
        records.putLong(index, senderHandle);
        return index + InboxDescriptor.SENDER_LENGTH;
    }

    /** {@return the ring's buffer, to write claimed messages into} */
    public MutableDirectBuffer buffer() {
        return records;
    }

    /**
     * Zero-copy send, step 2: publishes a claimed message and rings the doorbell if needed.
     *
     * @param offset the offset {@link #claim} returned
     * @return a {@link MailResult} code
     */
    public int commit(final int offset) {
        ring.commit(offset - InboxDescriptor.SENDER_LENGTH);
        final int result = ringDoorbell();
        takeNextLine();
        return result;
    }

    /** See the class comment: only while no other sender claimed after this one, whose record may be in that line. */
    private void takeNextLine() {
        if (((int) ring.producerPosition() & mask) == (claimEnd & mask)) {
            records.getAndAddLong(((claimEnd & -BitUtil.CACHE_LINE_LENGTH) + BitUtil.CACHE_LINE_LENGTH) & mask, 0);
        }
    }

    /**
     * Releases a claim unsent.
     *
     * @param offset the offset {@link #claim} returned
     */
    public void abort(final int offset) {
        ring.abort(offset - InboxDescriptor.SENDER_LENGTH);
    }

    private int ringDoorbell() {
        if (!ringAfterCommit) {
            return MailResult.SENT;
        }
        ringAfterCommit = false;
        if (!header.compareAndSetInt(ARMED_OFFSET, 1, 0)) {
            return MailResult.SENT;
        }
        return sender.send(doorbellHandle) >= 0 ? MailResult.RANG : MailResult.RECEIVER_GONE;
    }

    private boolean ownerLive() {
        return header.getIntVolatile(STATE_OFFSET) == OPEN && group.isLive(ownerHandle);
    }

    private void checkLength(final int length) {
        if (length < 0 || length > maxMessageLength) {
            throw new IllegalArgumentException("message of " + length + " bytes refused: the inbox of '" + ownerName
                + "' takes at most " + maxMessageLength + " bytes");
        }
    }

    private static boolean backOff(final int idle, final long deadline) {
        if (System.nanoTime() - deadline >= 0) {
            return false;
        }
        if (idle < SPINS) {
            Thread.onSpinWait();
        } else if (idle < SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(PARK_NANOS);
        }
        return true;
    }

    /** {@return the largest payload the inbox takes} */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /** {@return the owner's member name} */
    public String ownerName() {
        return ownerName;
    }

    /** {@return whether the owner still has the inbox open and is a live member} */
    public boolean isOwnerLive() {
        return ownerLive();
    }

    /** {@return bytes in the inbox not yet drained} */
    public int size() {
        return ring.size();
    }

    /** {@return the inbox's capacity in bytes} */
    public int capacity() {
        return file.capacity();
    }
}
