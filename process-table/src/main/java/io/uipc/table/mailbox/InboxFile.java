package io.uipc.table.mailbox;

import io.uipc.core.LayoutVersionException;
import io.uipc.core.UipcException;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.table.GroupFileNames;
import io.uipc.table.ProcessGroup;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

import static io.uipc.table.mailbox.InboxDescriptor.CAPACITY_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.MAX_MESSAGE_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.OWNER_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.VECTOR_OFFSET;

/**
 * One mapped inbox file: its header and its ring. Creates the file atomically through
 * {@link SharedDirectory} (built under a temporary name, then renamed over any file a dead
 * predecessor of the same name left), with the mode and Unix group of its group's table, set
 * where no other member can swap the file (in a private directory when the group directory is
 * shared); a sender attaches only a regular file of that mode and group (any member may own
 * one), never through a link, and validates it. The mapping is never unmapped explicitly: a late offer
 * on another thread must not touch unmapped memory; it goes with the last reference.
 */
final class InboxFile {
    private final Path path;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final ManyToOneRingBuffer ring;
    private final int capacity;
    private final int maxMessageLength;
    private final long owner;
    private final int vector;

    private InboxFile(final Path path, final MappedByteBuffer mapped) {
        final UnsafeBuffer file = new UnsafeBuffer(mapped);
        this.path = path;
        this.mapped = mapped;
        this.header = InboxDescriptor.header(file);
        this.capacity = header.getInt(CAPACITY_OFFSET);
        this.maxMessageLength = header.getInt(MAX_MESSAGE_OFFSET);
        this.owner = header.getLong(OWNER_OFFSET);
        this.vector = header.getInt(VECTOR_OFFSET);
        this.ring = new ManyToOneRingBuffer(InboxDescriptor.ring(file));
    }

    /**
     * Creates and maps a new inbox file for a member, replacing a stale one of the same name.
     *
     * @param group       the group
     * @param memberName  the owner's name
     * @param ownerHandle the owner's member handle
     * @param vector      the doorbell vector
     * @param config      capacity and maximum message length
     * @return the mapped file
     */
    static InboxFile create(final ProcessGroup group, final String memberName, final long ownerHandle, final int vector,
                            final InboxConfig config) {
        final String name = GroupFileNames.inbox(memberName);
        final Path file = group.directory().resolve(name);
        try (SharedDirectory dir = SharedDirectory.open(group.directory())) {
            final MappedByteBuffer mapped = dir.replace(name, InboxDescriptor.totalLength(config.capacity()),
                FileAccess.sameAs(dir.attributes(GroupFileNames.TABLE)),
                inbox -> InboxDescriptor.fill(inbox, config.capacity(), config.maxMessageLength(), ownerHandle, vector));
            return new InboxFile(file, mapped);
        } catch (final IOException e) {
            throw new UipcException("cannot create inbox " + file + ": " + e, e);
        }
    }

    /**
     * Maps and validates the inbox file of a member, for a sender.
     *
     * @param group      the group
     * @param memberName the owner's name
     * @return the mapped file
     * @throws UipcException          if the member has no inbox file
     * @throws LayoutVersionException if another build wrote the file
     * @throws InboxLayoutException   if the file fails validation
     */
    static InboxFile attach(final ProcessGroup group, final String memberName) {
        final String name = GroupFileNames.inbox(memberName);
        final Path file = group.directory().resolve(name);
        try (SharedDirectory dir = SharedDirectory.open(group.directory())) {
            final PosixFileAttributes table = dir.attributes(GroupFileNames.TABLE);
            return new InboxFile(file, dir.attach(name, InboxDescriptor.FORMAT, InboxDescriptor::validate,
                new FileCheck(null, table.permissions(), table.group())));
        } catch (final LayoutVersionException e) {
            throw e.inGroup(group.name());
        } catch (final NoSuchFileException e) {
            throw new UipcException("member '" + memberName + "' of group " + group.name() + " has no inbox (" + file + ")", e);
        } catch (final IOException e) {
            throw new UipcException("cannot open inbox " + file + ": " + e, e);
        }
    }

    Path path() {
        return path;
    }

    /**
     * Unmaps the file now rather than when the collector finds the mapping: for a tool that reads
     * every inbox once a second ({@code uipc top}), where mappings waiting for a collection would
     * pile up to the kernel's limit on mappings. Nothing may use this file's buffers afterwards.
     */
    void unmap() {
        IoUtil.unmap(mapped);
    }

    UnsafeBuffer header() {
        return header;
    }

    ManyToOneRingBuffer ring() {
        return ring;
    }

    int capacity() {
        return capacity;
    }

    int maxMessageLength() {
        return maxMessageLength;
    }

    long owner() {
        return owner;
    }

    int vector() {
        return vector;
    }
}
