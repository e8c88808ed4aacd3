package io.uipc.table.mailbox;

import io.uipc.core.internal.FileAllocation;
import io.uipc.core.UipcException;
import io.uipc.core.Vectors;
import io.uipc.table.ProcessGroup;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import static io.uipc.table.mailbox.InboxDescriptor.ARMED_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.CAPACITY_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.CREATION_TIME_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.CREATOR_PID_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.HEADER_LENGTH;
import static io.uipc.table.mailbox.InboxDescriptor.HEADER_LENGTH_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.LAYOUT_VERSION;
import static io.uipc.table.mailbox.InboxDescriptor.MAGIC;
import static io.uipc.table.mailbox.InboxDescriptor.MAGIC_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.MAX_MESSAGE_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.OPEN;
import static io.uipc.table.mailbox.InboxDescriptor.OWNER_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.STATE_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.TOTAL_LENGTH_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.VECTOR_OFFSET;
import static io.uipc.table.mailbox.InboxDescriptor.VERSION_OFFSET;

/**
 * One mapped inbox file: its header and its ring. Creates the file atomically (built under a
 * temporary name, then renamed over any file a dead predecessor of the same name left) and
 * validates it when a sender attaches. The mapping is never unmapped explicitly: a late offer
 * on another thread must not touch unmapped memory; it goes with the last reference.
 */
final class InboxFile {
    private static final String PREFIX = "inbox.";

    private final Path path;
    private final UnsafeBuffer header;
    private final ManyToOneRingBuffer ring;
    private final int capacity;
    private final int maxMessageLength;
    private final long owner;
    private final int vector;

    private InboxFile(final Path path, final MappedByteBuffer mapped) {
        this.path = path;
        this.header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        this.capacity = header.getInt(CAPACITY_OFFSET);
        this.maxMessageLength = header.getInt(MAX_MESSAGE_OFFSET);
        this.owner = header.getLong(OWNER_OFFSET);
        this.vector = header.getInt(VECTOR_OFFSET);
        this.ring = new ManyToOneRingBuffer(new UnsafeBuffer(mapped, HEADER_LENGTH, capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }

    /**
     * @param memberName a member name (printable ASCII, may hold '/')
     * @return the inbox file's name: "inbox." and the name, with every byte other than
     *     letters, digits, '.', '_' and '-' written as %XX
     */
    static String fileName(final String memberName) {
        final StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < memberName.length(); i++) {
            final char c = memberName.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", (int) c));
            }
        }
        return sb.toString();
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
        final Path file = group.directory().resolve(fileName(memberName));
        final Path tmp = file.resolveSibling("." + file.getFileName() + ".creating-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        final long total = InboxDescriptor.totalLength(config.capacity());
        try {
            final MappedByteBuffer mapped;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                group.shareFile(tmp);
                FileAllocation.allocate(ch, total);
                mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, total);
            }
            final UnsafeBuffer h = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
            h.putInt(VERSION_OFFSET, LAYOUT_VERSION);
            h.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
            h.putInt(CAPACITY_OFFSET, config.capacity());
            h.putInt(MAX_MESSAGE_OFFSET, config.maxMessageLength());
            h.putLong(TOTAL_LENGTH_OFFSET, total);
            h.putLong(OWNER_OFFSET, ownerHandle);
            h.putInt(VECTOR_OFFSET, vector);
            h.putInt(STATE_OFFSET, OPEN);
            h.putLong(CREATOR_PID_OFFSET, ProcessHandle.current().pid());
            h.putLong(CREATION_TIME_OFFSET, System.currentTimeMillis());
            h.putInt(ARMED_OFFSET, 0);
            h.putLongVolatile(MAGIC_OFFSET, MAGIC);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new InboxFile(file, mapped);
        } catch (final IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (final IOException ignored) {
                // the original failure is what matters
            }
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
     * @throws InboxLayoutException   if the file fails validation
     */
    static InboxFile attach(final ProcessGroup group, final String memberName) {
        final Path file = group.directory().resolve(fileName(memberName));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final long size = ch.size();
            if (size < HEADER_LENGTH) {
                throw new InboxLayoutException("inbox " + file + " is " + size + " bytes, shorter than its " + HEADER_LENGTH
                    + "-byte header: truncated or not an inbox");
            }
            final UnsafeBuffer h = new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_ONLY, 0, HEADER_LENGTH));
            validate(file, h, size);
            return new InboxFile(file, ch.map(FileChannel.MapMode.READ_WRITE, 0, size));
        } catch (final NoSuchFileException e) {
            throw new UipcException("member '" + memberName + "' of group " + group.name() + " has no inbox (" + file + ")", e);
        } catch (final IOException e) {
            throw new UipcException("cannot open inbox " + file + ": " + e, e);
        }
    }

    private static void validate(final Path file, final UnsafeBuffer h, final long size) {
        final long magic = h.getLongVolatile(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new InboxLayoutException(String.format("%s is not a uipc inbox: magic 0x%016x, expected 0x%016x", file, magic, MAGIC));
        }
        final int version = h.getInt(VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new InboxLayoutException("inbox " + file + " has layout version " + version + "; this build reads version " + LAYOUT_VERSION);
        }
        final int headerLength = h.getInt(HEADER_LENGTH_OFFSET);
        final int capacity = h.getInt(CAPACITY_OFFSET);
        final int maxMessage = h.getInt(MAX_MESSAGE_OFFSET);
        final int vector = h.getInt(VECTOR_OFFSET);
        if (headerLength != HEADER_LENGTH || !InboxDescriptor.validCapacity(capacity) || maxMessage < 1
            || maxMessage > InboxDescriptor.ringMaxMessage(capacity) || vector < 0 || vector > Vectors.MAX) {
            throw new InboxLayoutException("inbox " + file + " has a corrupt header: header length " + headerLength + ", capacity "
                + capacity + ", max message " + maxMessage + ", vector " + vector);
        }
        final long expected = InboxDescriptor.totalLength(capacity);
        final long recorded = h.getLong(TOTAL_LENGTH_OFFSET);
        if (recorded != expected || size != expected) {
            throw new InboxLayoutException("inbox " + file + " has the wrong size: file " + size + " bytes, header says " + recorded
                + ", capacity " + capacity + " implies " + expected);
        }
    }

    Path path() {
        return path;
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
