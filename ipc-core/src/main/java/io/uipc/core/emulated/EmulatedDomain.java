package io.uipc.core.emulated;

import io.uipc.core.CapacityExceededException;
import io.uipc.core.DomainConfig;
import io.uipc.core.DomainLayoutException;
import io.uipc.core.InterruptDomain;
import io.uipc.core.PrivateUitt;
import io.uipc.core.Receiver;
import io.uipc.core.UipcException;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import static io.uipc.core.emulated.DomainHeaderDescriptor.CREATION_TIME_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.CREATOR_PID_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.HEADER_LENGTH;
import static io.uipc.core.emulated.DomainHeaderDescriptor.HEADER_LENGTH_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.LAYOUT_VERSION;
import static io.uipc.core.emulated.DomainHeaderDescriptor.MAGIC;
import static io.uipc.core.emulated.DomainHeaderDescriptor.MAGIC_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.TOTAL_LENGTH_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.UITT_CAPACITY_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.UITT_HINT_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.UPID_CAPACITY_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.UPID_HINT_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.VERSION_OFFSET;

/**
 * The emulated backend's interrupt domain: a memory-mapped file laid out as
 * {@link DomainHeaderDescriptor} describes. The mapping is never unmapped explicitly (a late
 * send on another thread must not touch unmapped memory); it goes with the last reference.
 */
public final class EmulatedDomain implements InterruptDomain {
    private static final int PRIVATE_UITT_HEADER = 64;

    private final Path path;
    private final UnsafeBuffer buffer;
    private final UpidTable upids;
    private final UittTable uitt;
    private final int pid;
    /** UPID slots the last orphan sweep found claimed without an owner pid, with their generation. */
    private java.util.Map<Integer, Integer> midClaim = java.util.Map.of();
    private volatile boolean closed;

    private EmulatedDomain(final Path path, final MappedByteBuffer mapped) {
        this.path = path;
        this.buffer = new UnsafeBuffer(mapped);
        final int upidCapacity = buffer.getInt(UPID_CAPACITY_OFFSET);
        final int uittCapacity = buffer.getInt(UITT_CAPACITY_OFFSET);
        this.upids = new UpidTable(buffer, HEADER_LENGTH, upidCapacity, UPID_HINT_OFFSET);
        this.uitt = new UittTable(buffer, (int) DomainHeaderDescriptor.uittOffset(upidCapacity), uittCapacity, UITT_HINT_OFFSET, upids);
        this.pid = (int) ProcessHandle.current().pid();
    }

    /**
     * Creates a domain file atomically: written under a temporary name, then linked into place.
     *
     * @param config file, capacities, permissions
     * @return the new domain
     * @throws UipcException if the file exists or cannot be created
     */
    public static EmulatedDomain create(final DomainConfig config) {
        final long total = DomainHeaderDescriptor.totalLength(config.upidCapacity(), config.uittCapacity());
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("domain of " + total + " bytes is larger than 2 GiB: reduce capacities");
        }
        final Path file = config.file().toAbsolutePath();
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(config.permissions()));
            Files.setPosixFilePermissions(tmp, config.permissions());
            final MappedByteBuffer mapped;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                io.uipc.core.internal.FileAllocation.allocate(ch, total);
                mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, total);
            }
            final UnsafeBuffer header = new UnsafeBuffer(mapped);
            header.putInt(VERSION_OFFSET, LAYOUT_VERSION);
            header.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
            header.putInt(UPID_CAPACITY_OFFSET, config.upidCapacity());
            header.putInt(UITT_CAPACITY_OFFSET, config.uittCapacity());
            header.putLong(TOTAL_LENGTH_OFFSET, total);
            header.putLong(CREATOR_PID_OFFSET, ProcessHandle.current().pid());
            header.putLong(CREATION_TIME_OFFSET, System.currentTimeMillis());
            header.putLongVolatile(MAGIC_OFFSET, MAGIC);
            Files.createLink(file, tmp);
            return new EmulatedDomain(file, mapped);
        } catch (final FileAlreadyExistsException e) {
            throw new UipcException("interrupt domain " + file + " already exists", e);
        } catch (final IOException e) {
            throw new UipcException("cannot create interrupt domain " + file + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (final IOException ignored) {
                // a leftover temporary file is harmless and named after this pid
            }
        }
    }

    /**
     * Attaches an existing domain file and validates its header.
     *
     * @param file the domain file
     * @return the attached domain
     * @throws DomainLayoutException if the file is missing, truncated, or of the wrong magic,
     *     version or size
     */
    public static EmulatedDomain attach(final Path file) {
        final MappedByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final long size = ch.size();
            if (size < HEADER_LENGTH) {
                throw new DomainLayoutException("interrupt domain " + file + " is truncated: " + size
                    + " bytes, smaller than the " + HEADER_LENGTH + "-byte header");
            }
            if (size > Integer.MAX_VALUE) {
                throw new DomainLayoutException("interrupt domain " + file + " is " + size + " bytes, larger than any valid domain");
            }
            mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
            validate(file, new UnsafeBuffer(mapped), size);
        } catch (final NoSuchFileException e) {
            throw new DomainLayoutException("no interrupt domain at " + file + " (deleted, or never created)", e);
        } catch (final AccessDeniedException e) {
            throw new UipcException("not allowed to attach interrupt domain " + file + ": permission denied", e);
        } catch (final IOException e) {
            throw new DomainLayoutException("cannot attach interrupt domain " + file + ": " + e, e);
        }
        return new EmulatedDomain(file, mapped);
    }

    private static void validate(final Path file, final UnsafeBuffer header, final long size) {
        final long magic = header.getLongVolatile(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new DomainLayoutException(String.format("%s is not a uipc interrupt domain: magic 0x%016x, expected 0x%016x",
                file, magic, MAGIC));
        }
        final int version = header.getInt(VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new DomainLayoutException("interrupt domain " + file + " has layout version " + version
                + "; this build reads version " + LAYOUT_VERSION);
        }
        final int headerLength = header.getInt(HEADER_LENGTH_OFFSET);
        if (headerLength != HEADER_LENGTH) {
            throw new DomainLayoutException("interrupt domain " + file + " has header length " + headerLength + ", expected " + HEADER_LENGTH);
        }
        final int upidCapacity = header.getInt(UPID_CAPACITY_OFFSET);
        final int uittCapacity = header.getInt(UITT_CAPACITY_OFFSET);
        if (upidCapacity < 1 || upidCapacity > DomainConfig.MAX_UPIDS || uittCapacity < 1 || uittCapacity > DomainConfig.MAX_UITT) {
            throw new DomainLayoutException("interrupt domain " + file + " has capacities out of range: "
                + upidCapacity + " UPIDs, " + uittCapacity + " UITT entries");
        }
        final long expected = DomainHeaderDescriptor.totalLength(upidCapacity, uittCapacity);
        final long recorded = header.getLong(TOTAL_LENGTH_OFFSET);
        if (recorded != expected || size != expected) {
            throw new DomainLayoutException("interrupt domain " + file + " has the wrong size: file " + size
                + " bytes, header says " + recorded + ", capacities imply " + expected + " (truncated or corrupt)");
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String backendName() {
        return EmulatedBackend.NAME;
    }

    @Override
    public int upidCapacity() {
        return upids.capacity();
    }

    @Override
    public int uittCapacity() {
        return uitt.capacity();
    }

    @Override
    public long creatorPid() {
        return buffer.getLong(CREATOR_PID_OFFSET);
    }

    /** {@return creation time of the segment, epoch milliseconds} */
    public long creationTimeMillis() {
        return buffer.getLong(CREATION_TIME_OFFSET);
    }

    @Override
    public Receiver registerReceiver() {
        ensureOpen();
        final int index = upids.claim(pid);
        if (index < 0) {
            throw new CapacityExceededException("interrupt domain " + path + " has no free UPID slot: all "
                + upids.capacity() + " receivers are registered");
        }
        return new EmulatedReceiver(this, upids, uitt, index, upids.generation(index));
    }

    @Override
    public int send(final long uittHandle) {
        return uitt.send(uittHandle);
    }

    @Override
    public int sendIndex(final int uittIndex) {
        return uitt.sendIndex(uittIndex);
    }

    @Override
    public PrivateUitt newPrivateUitt(final int capacity) {
        ensureOpen();
        if (capacity < 1 || capacity > DomainConfig.MAX_UITT) {
            throw new IllegalArgumentException("private UITT capacity " + capacity + " out of range 1.." + DomainConfig.MAX_UITT);
        }
        final UnsafeBuffer table = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            PRIVATE_UITT_HEADER + capacity * UittDescriptor.LENGTH, 64));
        return new EmulatedPrivateUitt(new UittTable(table, PRIVATE_UITT_HEADER, capacity, 0, upids), upids);
    }

    @Override
    public boolean reclaimReceiver(final int upidIndex, final int upidGeneration) {
        checkUpidIndex(upidIndex);
        if (!UpidDescriptor.isClaimed(upidGeneration) || upids.generation(upidIndex) != upidGeneration) {
            return false;
        }
        uitt.invalidateTargeting(upidIndex);
        return upids.release(upidIndex, upidGeneration);
    }

    @Override
    public synchronized int reclaimOrphans(final java.util.function.LongPredicate pidAlive) {
        int count = 0;
        final java.util.Map<Integer, Integer> stillMidClaim = new java.util.HashMap<>();
        for (int index = 0; index < upids.capacity(); index++) {
            final int generation = upids.generation(index);
            if (!UpidDescriptor.isClaimed(generation)) {
                continue;
            }
            final int owner = upids.ownerPid(index);
            if (owner == 0) {
                // Claimed without an owner pid: a live claimer or releaser is past that point within
                // nanoseconds; unchanged since the previous sweep, it died there.
                if (Integer.valueOf(generation).equals(midClaim.get(index))) {
                    uitt.invalidateTargeting(index);
                    count += upids.releaseStuck(index, generation) ? 1 : 0;
                } else {
                    stillMidClaim.put(index, generation);
                }
            } else if (owner != pid && !pidAlive.test(owner) && reclaimReceiver(index, generation)) {
                count++;
            }
        }
        midClaim = stillMidClaim;
        return count + uitt.sweepOrphanedClaims();
    }

    @Override
    public long deliveredCount(final int upidIndex) {
        checkUpidIndex(upidIndex);
        return upids.counter(upidIndex, UpidDescriptor.DELIVERED_OFFSET);
    }

    @Override
    public long upidOwnerPid(final int upidIndex) {
        checkUpidIndex(upidIndex);
        return upids.ownerPid(upidIndex);
    }

    /**
     * {@return the slot's current generation (odd while claimed)}
     *
     * @param upidIndex a UPID slot
     */
    public int upidGeneration(final int upidIndex) {
        checkUpidIndex(upidIndex);
        return upids.generation(upidIndex);
    }

    private void checkUpidIndex(final int upidIndex) {
        if (upidIndex < 0 || upidIndex >= upids.capacity()) {
            throw new IllegalArgumentException("UPID index " + upidIndex + " out of range 0.." + (upids.capacity() - 1));
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("interrupt domain " + path + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "EmulatedDomain[" + path + ", " + upids.capacity() + " UPIDs, " + uitt.capacity() + " UITT entries]";
    }
}
