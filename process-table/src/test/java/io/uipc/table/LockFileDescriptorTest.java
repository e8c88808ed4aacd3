package io.uipc.table;

import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lock file made through {@link SharedDirectory} with {@link LockFileDescriptor} opens as the
 * group's locks, and {@link GroupLocks} locks the ranges the descriptor names; a lock file of
 * another size than the table's entries imply, or a link in its place, is refused.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LockFileDescriptorTest {
    private static final int ENTRIES = 9;

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    void theLocksAreTheRangesTheDescriptorNames() throws IOException {
        final Path file = create(ENTRIES);
        assertEquals(2 + ENTRIES, Files.size(file));
        try (GroupLocks locks = open(file, ENTRIES);
             GroupLocks.Held held = locks.mutation();
             FileChannel other = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final FileLock liveness = locks.holdForMember(4);
            assertNotNull(liveness);
            assertEquals(LockFileDescriptor.livenessOffset(4), liveness.position());
            assertTrue(locks.tryBecomeReaper());
            assertRangeHeld(other, LockFileDescriptor.MUTATION_OFFSET);
            assertRangeHeld(other, LockFileDescriptor.REAPER_OFFSET);
            assertRangeHeld(other, LockFileDescriptor.livenessOffset(4));
            try (FileLock free = other.tryLock(LockFileDescriptor.livenessOffset(5), 1, false)) {
                assertNotNull(free, "slot 5's liveness byte is free");
            }
            assertNull(locks.probeDead(4), "this attachment's own member is alive");
            locks.releaseMember(4, liveness);
        }
    }

    @Test
    void aLockFileOfAnotherTablesSizeIsRefused() throws IOException {
        final Path file = create(ENTRIES);
        final TableCorruptException e = assertThrows(TableCorruptException.class, () -> open(file, ENTRIES + 1));
        assertEquals("lock file " + file + " has the wrong size: file 11 bytes, the table's 10 entries imply 12", e.getMessage());
    }

    @Test
    void aLinkInPlaceOfTheLockFileIsRefused() throws IOException {
        final Path target = create(ENTRIES);
        final Path link = dir.resolve("link");
        Files.createSymbolicLink(link, target);
        final TableCorruptException e = assertThrows(TableCorruptException.class, () -> open(link, ENTRIES));
        assertEquals("lock file " + link + " is not a regular file but a symbolic link: refused", e.getMessage());
    }

    private static GroupLocks open(final Path file, final int entries) throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(file.getParent())) {
            return new GroupLocks(shared, file.getFileName().toString(), entries, FileCheck.ANY);
        }
    }

    private Path create(final int entries) throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            shared.create(GroupFileNames.LOCKS, LockFileDescriptor.totalLength(entries),
                FileAccess.of(PosixFilePermissions.fromString("rw-------")), LockFileDescriptor::fill);
            return shared.pathOf(GroupFileNames.LOCKS);
        }
    }

    /** The JVM refuses a second lock on a range it holds, and grants one on a range it does not. */
    private static void assertRangeHeld(final FileChannel other, final long offset) throws IOException {
        assertThrows(OverlappingFileLockException.class, () -> other.tryLock(offset, 1, false), "byte " + offset + " is locked");
    }
}
