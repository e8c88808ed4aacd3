package io.uipc.table.mailbox;

import io.uipc.core.UipcException;
import io.uipc.table.GroupFileNames;
import io.uipc.table.MemberHandle;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.file.Files;
import java.nio.file.LinkOption;

/**
 * Counts the unread records of a member's inbox for the tools ({@code uipc ps}, {@code top},
 * {@code metrics}) without disturbing it: the file is attached with every check a sender makes
 * (a regular file, not a link or a FIFO, of the table's mode and group, valid and of this
 * layout), nothing is written, and its ring is walked from the consumer's head to the producers'
 * tail. Records being written count; Agrona's padding does not.
 */
public final class InboxDepth {
    /** What {@link #records} returns for a member without a (valid, current, open) inbox. */
    public static final int NONE = -1;
    private static final int PADDING = RingBuffer.PADDING_MSG_TYPE_ID;

    private InboxDepth() {
    }

    /**
     * Reads the depth of a member's inbox.
     *
     * @param group  an attached group
     * @param member the member's entry
     * @return unread records, or {@link #NONE} if the member has no inbox, its file is refused or
     *     invalid, belongs to another holder of the name, or is closed
     */
    public static int records(final ProcessGroup group, final MemberInfo member) {
        if (!Files.exists(group.directory().resolve(GroupFileNames.inbox(member.name())), LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        final InboxFile inbox;
        try {
            inbox = InboxFile.attach(group, member.name());
        } catch (final UipcException e) {
            return NONE;
        }
        try {
            final UnsafeBuffer header = inbox.header();
            if (header.getLongVolatile(InboxDescriptor.OWNER_OFFSET) != MemberHandle.of(member.slot(), member.generation())
                || header.getIntVolatile(InboxDescriptor.STATE_OFFSET) != InboxDescriptor.OPEN) {
                return NONE;
            }
            return count(inbox.ring().buffer(), inbox.ring().capacity());
        } finally {
            inbox.unmap();
        }
    }

    private static int count(final AtomicBuffer ring, final int capacity) {
        final long head = ring.getLongVolatile(capacity + RingBufferDescriptor.HEAD_POSITION_OFFSET);
        final long tail = ring.getLongVolatile(capacity + RingBufferDescriptor.TAIL_POSITION_OFFSET);
        final int mask = capacity - 1;
        int count = 0;
        long position = head;
        for (int steps = capacity / RecordDescriptor.ALIGNMENT; position < tail && steps > 0; steps--) {
            final int index = (int) position & mask;
            final int length = Math.abs(ring.getIntVolatile(RecordDescriptor.lengthOffset(index)));
            if (length < RecordDescriptor.HEADER_LENGTH) {
                break;
            }
            if (ring.getInt(RecordDescriptor.typeOffset(index)) != PADDING) {
                count++;
            }
            position += align(length);
        }
        return count;
    }

    private static int align(final int length) {
        return (length + RecordDescriptor.ALIGNMENT - 1) & -RecordDescriptor.ALIGNMENT;
    }
}
