package io.uipc.testing.raw;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.core.emulated.UittDescriptor;
import io.uipc.core.emulated.UpidDescriptor;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A test's raw view of an emulated domain segment, through the public layout of the
 * descriptor classes: to observe what the protocol leaves in shared memory (a receiver's BLKD
 * bit) and to corrupt entries as a faulty or hostile process would.
 */
public final class DomainSegment {
    private final UnsafeBuffer buffer;
    private final int upidCapacity;

    private DomainSegment(final UnsafeBuffer buffer) {
        this.buffer = buffer;
        this.upidCapacity = buffer.getInt(DomainHeaderDescriptor.UPID_CAPACITY_OFFSET);
    }

    /**
     * Maps a domain file.
     *
     * @param file a valid domain file
     * @return a read-write mapping of the whole file
     */
    public static DomainSegment map(final Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return new DomainSegment(new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size())));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a UPID's state word.
     *
     * @param upid a UPID slot
     * @return its state word (ON, SN, BLKD and the generation tag)
     */
    public int upidState(final int upid) {
        return buffer.getIntVolatile((int) DomainHeaderDescriptor.upidOffset(upid) + UpidDescriptor.STATE_OFFSET);
    }

    /**
     * Waits, spinning on shared memory, until the receiver in {@code upid} has announced that
     * it sleeps in the kernel (BLKD): from then on a send must wake it.
     *
     * @param upid    a UPID slot
     * @param timeout how long to wait
     * @throws AssertionError if BLKD is not set within the timeout
     */
    public void awaitBlocked(final int upid, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while ((upidState(upid) & UpidDescriptor.BLKD) == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("receiver in UPID " + upid + " did not block within " + timeout
                    + ": state 0x" + Integer.toHexString(upidState(upid)));
            }
            Thread.yield();
        }
    }

    /**
     * Overwrites a shared UITT entry.
     *
     * @param index   UITT index
     * @param control control word ({@link UittDescriptor#control})
     * @param target  target word ({@link UittDescriptor#target})
     */
    public void writeUittEntry(final int index, final long control, final long target) {
        final int entry = (int) DomainHeaderDescriptor.uittEntryOffset(upidCapacity, index);
        buffer.putLongVolatile(entry + UittDescriptor.TARGET_OFFSET, target);
        buffer.putLongVolatile(entry + UittDescriptor.CONTROL_OFFSET, control);
    }
}
