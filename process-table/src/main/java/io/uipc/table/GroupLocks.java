package io.uipc.table;

import io.uipc.core.UipcException;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The group's locks, as byte-range locks on its lock file ({@link LockFileDescriptor}: the
 * mutation lock, the reaper election and one liveness lock per slot), which the kernel releases
 * when the holder dies, even by SIGKILL. File locks belong to the whole JVM, so a JVM-wide lock
 * per file serialises this JVM's own threads before they take the byte lock.
 */
final class GroupLocks implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final long MUTATION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path file;
    private final FileChannel channel;
    private final ReentrantLock jvmLock;
    private final AtomicLongArray memberSlots;
    private FileLock reaperLock;

    /**
     * Opens a group's lock file by name in its opened directory, through {@link SharedDirectory}
     * (never through a link, only a regular file of the owner and mode asked for), and checks it
     * against the table.
     *
     * @param dir     the group's opened directory
     * @param name    the lock file's name in it
     * @param entries the process table's entries
     * @param check   the owner, mode and group it must have
     * @throws TableCorruptException if it is not a regular file of that owner and mode, of the size the entries imply
     * @throws IOException           if it cannot be opened
     */
    GroupLocks(final SharedDirectory dir, final String name, final int entries, final FileCheck check) throws IOException {
        this.file = dir.pathOf(name);
        this.memberSlots = new AtomicLongArray((entries + 63) >>> 6);
        this.channel = dir.openChannel(name, LockFileDescriptor.FORMAT, check);
        try {
            LockFileDescriptor.validate(this.file.toString(), channel.size(), entries);
        } catch (final RuntimeException e) {
            channel.close();
            throw e;
        }
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
    }

    /** A held mutation lock; close to release. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the mutation lock, waiting up to 10 s for a live holder (a SIGSTOPped one holds it
     * until continued); a dead holder's lock is already gone.
     */
    Held mutation() {
        final long deadline = System.nanoTime() + MUTATION_TIMEOUT_NANOS;
        try {
            if (!jvmLock.tryLock(MUTATION_TIMEOUT_NANOS, TimeUnit.NANOSECONDS)) {
                throw new UipcException("process table " + file + " mutation lock busy in this JVM for 10 s");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UipcException("interrupted waiting for the process table lock", e);
        }
        long backoff = 10_000;
        try {
            for (;;) {
                final FileLock lock = channel.tryLock(LockFileDescriptor.MUTATION_OFFSET, 1, false);
                if (lock != null) {
                    return () -> {
                        try {
                            lock.release();
                        } catch (final IOException e) {
                            throw new UipcException("cannot release process table lock: " + e, e);
                        } finally {
                            jvmLock.unlock();
                        }
                    };
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new UipcException("process table " + file + " is locked by another process for over 10 s"
                        + " (stopped with SIGSTOP?)");
                }
                LockSupport.parkNanos(backoff);
                backoff = Math.min(backoff * 2, 5_000_000);
            }
        } catch (final IOException | RuntimeException e) {
            jvmLock.unlock();
            if (e instanceof UipcException) {
                throw (UipcException) e;
            }
            throw new UipcException("cannot lock process table " + file + ": " + e, e);
        }
    }

    /** @return whether this JVM now holds (or already held) the reaper election lock */
    synchronized boolean tryBecomeReaper() {
        if (reaperLock != null) {
            return true;
        }
        try {
            reaperLock = channel.tryLock(LockFileDescriptor.REAPER_OFFSET, 1, false);
        } catch (final OverlappingFileLockException e) {
            return false;
        } catch (final IOException e) {
            throw new UipcException("cannot probe reaper lock of " + file + ": " + e, e);
        }
        return reaperLock != null;
    }

    /** @return whether this JVM holds the reaper election lock; no system call */
    synchronized boolean isReaper() {
        return reaperLock != null;
    }

    /** @return the lock on a slot's liveness byte, or null if another process or attachment holds it */
    private FileLock holdSlot(final int slot) {
        try {
            return channel.tryLock(LockFileDescriptor.livenessOffset(slot), 1, false);
        } catch (final OverlappingFileLockException e) {
            return null;
        } catch (final IOException e) {
            throw new UipcException("cannot lock slot " + slot + " of " + file + ": " + e, e);
        }
    }

    /**
     * Takes the liveness lock of a slot for a member of this attachment, and remembers it.
     *
     * @return the lock, or null if another process (or a probe) holds it
     */
    FileLock holdForMember(final int slot) {
        final FileLock lock = holdSlot(slot);
        if (lock != null) {
            markMember(slot, true);
        }
        return lock;
    }

    /** Releases a liveness lock taken by {@link #holdForMember}. */
    void releaseMember(final int slot, final FileLock lock) {
        markMember(slot, false);
        releaseQuietly(lock);
    }

    private void markMember(final int slot, final boolean held) {
        final int word = slot >>> 6;
        final long bit = 1L << slot;
        long bits;
        do {
            bits = memberSlots.get(word);
        } while (!memberSlots.compareAndSet(word, bits, held ? bits | bit : bits & ~bit));
    }

    /**
     * Probes a slot's owner. While this returns a lock, the caller owns the slot's liveness:
     * a dead member's slot stays held by the reaper until it is cleaned up. A slot this
     * attachment holds for one of its members is alive without asking the kernel (a tryLock
     * there would throw OverlappingFileLockException: ~25 us and 2 KB each, per member per
     * reaper cycle).
     *
     * @return the lock if the owner is dead (or there is none), null if a live process holds it
     */
    FileLock probeDead(final int slot) {
        if ((memberSlots.get(slot >>> 6) & (1L << slot)) != 0) {
            return null;
        }
        return holdSlot(slot);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (final IOException e) {
            throw new UipcException("cannot close " + file + ": " + e, e);
        }
    }

    /**
     * Releases a file lock, ignoring a channel that is closing (the kernel drops the lock with it).
     *
     * @param lock a lock, or null
     */
    static void releaseQuietly(final FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (final IOException ignored) {
            // the channel is closing; the kernel drops the lock with it
        }
    }
}
