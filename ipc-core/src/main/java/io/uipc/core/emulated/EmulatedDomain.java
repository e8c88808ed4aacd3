package io.uipc.core.emulated;

import io.uipc.core.CapacityExceededException;
import io.uipc.core.DomainConfig;
import io.uipc.core.DomainLayoutException;
import io.uipc.core.InterruptDomain;
import io.uipc.core.PrivateUitt;
import io.uipc.core.Receiver;
import io.uipc.core.UipcException;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.core.spi.DomainMaintenance;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The emulated backend's interrupt domain: a memory-mapped file laid out as
 * {@link DomainHeaderDescriptor} describes, created and attached through
 * {@link SharedDirectory}. The mapping is never unmapped explicitly (a late send on another
 * thread must not touch unmapped memory); it goes with the last reference.
 */
public final class EmulatedDomain implements InterruptDomain, DomainMaintenance.Provider {
    private final Path path;
    private final UnsafeBuffer segment;
    private final UpidTable upids;
    private final UittTable uitt;
    private final EmulatedMaintenance maintenance;
    private final int pid;
    private volatile boolean closed;

    private EmulatedDomain(final Path path, final MappedByteBuffer mapped) {
        this.path = path;
        this.segment = new UnsafeBuffer(mapped);
        this.upids = UpidTable.inDomain(segment);
        this.uitt = UittTable.inDomain(segment, upids);
        this.maintenance = new EmulatedMaintenance(upids, uitt);
        this.pid = (int) ProcessHandle.current().pid();
    }

    /**
     * Creates a domain file atomically: written under a temporary name in the file's directory
     * (made if missing), then renamed into place.
     *
     * @param config file, capacities, permissions
     * @return the new domain
     * @throws UipcException if the file exists or cannot be created
     * @throws IllegalArgumentException if the capacities make a file over 2 GiB
     */
    public static EmulatedDomain create(final DomainConfig config) {
        final Path file = config.file().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            try (SharedDirectory dir = SharedDirectory.open(file.getParent())) {
                return create(dir, file.getFileName().toString(), config.upidCapacity(), config.uittCapacity(),
                    FileAccess.of(config.permissions()));
            }
        } catch (final IOException e) {
            throw new UipcException("cannot create interrupt domain " + file + ": " + e, e);
        }
    }

    /**
     * Creates a domain file atomically by name in an opened directory, with its final mode and
     * group before it appears under its name.
     *
     * @param dir          the opened directory
     * @param name         the file's name in it
     * @param upidCapacity UPID slots
     * @param uittCapacity shared UITT entries
     * @param access       the file's mode and Unix group
     * @return the new domain
     * @throws UipcException if the file exists or cannot be created
     * @throws IllegalArgumentException if a capacity is out of range or they make a file over 2 GiB
     */
    public static EmulatedDomain create(final SharedDirectory dir, final String name, final int upidCapacity,
                                        final int uittCapacity, final FileAccess access) {
        final Path file = dir.pathOf(name);
        new DomainConfig(file, upidCapacity, uittCapacity, access.permissions());
        final long total = DomainHeaderDescriptor.totalLength(upidCapacity, uittCapacity);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("domain of " + total + " bytes is larger than 2 GiB: reduce capacities");
        }
        try {
            return new EmulatedDomain(file, dir.create(name, total, access,
                segment -> DomainHeaderDescriptor.fill(segment, upidCapacity, uittCapacity)));
        } catch (final FileAlreadyExistsException e) {
            throw new UipcException("interrupt domain " + file + " already exists", e);
        } catch (final IOException e) {
            throw new UipcException("cannot create interrupt domain " + file + ": " + e, e);
        }
    }

    /**
     * Attaches an existing domain file and validates its header.
     *
     * @param file the domain file
     * @return the attached domain
     * @throws DomainLayoutException if the file is missing, not a regular file, truncated, or of
     *     the wrong magic, version or size
     * @throws UipcException if this process may not open it
     */
    public static EmulatedDomain attach(final Path file) {
        final Path absolute = file.toAbsolutePath();
        try (SharedDirectory dir = SharedDirectory.open(absolute.getParent())) {
            return attach(dir, absolute.getFileName().toString(), FileCheck.ANY);
        } catch (final NoSuchFileException e) {
            throw new DomainLayoutException("no interrupt domain at " + file + " (deleted, or never created)", e);
        } catch (final IOException e) {
            throw new DomainLayoutException("cannot attach interrupt domain " + file + ": " + e, e);
        }
    }

    /**
     * Attaches an existing domain file by name in an opened directory, never following a link,
     * after checking its owner, mode and group, and validates its header.
     *
     * @param dir   the opened directory
     * @param name  the file's name in it
     * @param check the owner, mode and group it must have
     * @return the attached domain
     * @throws DomainLayoutException if the file is missing, not a regular file, of another owner,
     *     mode or group, truncated, or of the wrong magic, version or size
     * @throws UipcException if this process may not open it
     */
    public static EmulatedDomain attach(final SharedDirectory dir, final String name, final FileCheck check) {
        final Path file = dir.pathOf(name);
        try {
            return new EmulatedDomain(file, dir.attach(name, DomainHeaderDescriptor.FORMAT, DomainHeaderDescriptor::validate, check));
        } catch (final NoSuchFileException e) {
            throw new DomainLayoutException("no interrupt domain at " + file + " (deleted, or never created)", e);
        } catch (final AccessDeniedException e) {
            throw new UipcException("not allowed to attach interrupt domain " + file + ": permission denied", e);
        } catch (final IOException e) {
            throw new DomainLayoutException("cannot attach interrupt domain " + file + ": " + e, e);
        }
    }

    /**
     * Gives the reaper's operations on this domain ({@link DomainMaintenance#of}).
     *
     * @return the maintenance view, one per attachment
     */
    @Override
    public DomainMaintenance maintenance() {
        return maintenance;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public int layoutVersion() {
        return segment.getInt(DomainHeaderDescriptor.VERSION_OFFSET);
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
        return segment.getLong(DomainHeaderDescriptor.CREATOR_PID_OFFSET);
    }

    @Override
    public Receiver registerReceiver() {
        ensureOpen();
        ThreadReceivers.ensureNone(this);
        final int index = upids.claim(pid);
        if (index < 0) {
            throw new CapacityExceededException("interrupt domain " + path + " has no free UPID slot: all "
                + upids.capacity() + " receivers are registered");
        }
        final EmulatedReceiver receiver = new EmulatedReceiver(this, upids, uitt, index, upids.generation(index));
        receiver.ownedBy(Thread.currentThread());
        return receiver;
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
        return new EmulatedPrivateUitt(UittTable.inPrivateTable(PrivateUittDescriptor.allocate(capacity), upids), upids);
    }

    @Override
    public long deliveredCount(final int upidIndex) {
        upids.checkIndex(upidIndex);
        return upids.count(upidIndex, upids.generation(upidIndex), UpidDescriptor.DELIVERED_OFFSET);
    }

    @Override
    public long coalescedCount(final int upidIndex) {
        upids.checkIndex(upidIndex);
        return upids.count(upidIndex, upids.generation(upidIndex), UpidDescriptor.COALESCED_OFFSET);
    }

    @Override
    public long wakeupCount(final int upidIndex) {
        upids.checkIndex(upidIndex);
        return upids.count(upidIndex, upids.generation(upidIndex), UpidDescriptor.WAKEUPS_OFFSET);
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
