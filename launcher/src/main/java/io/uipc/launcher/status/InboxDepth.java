package io.uipc.launcher.status;

import io.uipc.table.GroupFileNames;
import io.uipc.table.MemberHandle;
import io.uipc.table.MemberInfo;
import io.uipc.table.mailbox.InboxDescriptor;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts the unread records of a member's inbox without disturbing it: the file is mapped
 * read-only (never through a link), validated as a sender validates it, and its ring walked from
 * the consumer's head to the producers' tail. Records being written count; Agrona's padding does not.
 */
final class InboxDepth {
    /** What {@link #of} returns for a member without a (valid, current) inbox. */
    static final int NONE = -1;
    private static final int PADDING = RingBuffer.PADDING_MSG_TYPE_ID;

    private InboxDepth() {
    }

    /**
     * Reads the depth of a member's inbox.
     *
     * @param groupDir the group's directory
     * @param member   the member's entry
     * @return unread records, or {@link #NONE} if the member has no inbox, or its file is invalid, or
     *     it belongs to another holder of the name, or it is closed
     */
    static int of(final Path groupDir, final MemberInfo member) {
        final Path file = groupDir.resolve(GroupFileNames.inbox(member.name()));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            final long size = channel.size();
            if (size < InboxDescriptor.HEADER_LENGTH || size > InboxDescriptor.totalLength(InboxDescriptor.MAX_CAPACITY)) {
                return NONE;
            }
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            final UnsafeBuffer inbox = new UnsafeBuffer(mapped);
            InboxDescriptor.validate(file.toString(), inbox, size);
            if (inbox.getLongVolatile(InboxDescriptor.OWNER_OFFSET) != MemberHandle.of(member.slot(), member.generation())
                || inbox.getIntVolatile(InboxDescriptor.STATE_OFFSET) != InboxDescriptor.OPEN) {
                return NONE;
            }
            return records(InboxDescriptor.ring(inbox), inbox.getInt(InboxDescriptor.CAPACITY_OFFSET));
        } catch (final IOException | RuntimeException e) {
            return NONE; // no inbox (NoSuchFileException), not a regular file, or not a valid inbox
        }
    }

    private static int records(final UnsafeBuffer ring, final int capacity) {
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
