package io.uipc.core.internal;

import io.uipc.core.LayoutException;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one way shared files are created and attached: atomic publication (never a half-filled
 * file under the name, exactly one of two creators wins, nothing left behind by a failure),
 * exact permissions, and attaching only a regular file, never through a link, of a size the
 * format allows, validated by the format.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedDirectoryTest {
    private static final long MAGIC = 0x5445_5354_4649_4c45L;
    private static final int LENGTH = 4096;
    private static final FileAccess OWNER = FileAccess.of(PosixFilePermissions.fromString("rw-------"));
    private static final SharedFileFormat FORMAT = new SharedFileFormat("test file", 64, 8192, TestLayoutException::new);
    private static final SharedFileFormat.Validator VALIDATE = SharedDirectoryTest::validate;

    @TempDir
    Path dir;

    @Test
    void createdFileAttachesWithItsContent() throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            new UnsafeBuffer(shared.create("f", LENGTH, OWNER, b -> fill(b, 7))).putLong(16, 42);
            final UnsafeBuffer attached = new UnsafeBuffer(shared.attach("f", FORMAT, VALIDATE));
            assertEquals(7, attached.getLong(8));
            assertEquals(42, attached.getLong(16), "both mappings share the file");
            assertEquals(LENGTH, Files.size(dir.resolve("f")));
        }
        assertEquals(List.of("f"), names(), "no temporary file is left");
    }

    @Test
    void permissionsAreExactWhateverTheUmask() throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            shared.create("g", LENGTH, FileAccess.of(PosixFilePermissions.fromString("rw-rw----")), b -> fill(b, 1));
        }
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("g"))));
    }

    @Test
    void createRefusesAnExistingNameAndLeavesItAlone() throws IOException {
        Files.writeString(dir.resolve("f"), "someone else's");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("elsewhere"));
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            assertThrows(FileAlreadyExistsException.class, () -> shared.create("f", LENGTH, OWNER, b -> fill(b, 1)));
            assertThrows(FileAlreadyExistsException.class, () -> shared.create("link", LENGTH, OWNER, b -> fill(b, 1)));
        }
        assertEquals("someone else's", Files.readString(dir.resolve("f")));
        assertTrue(Files.notExists(dir.resolve("elsewhere")), "the link was not followed");
        assertEquals(List.of("f", "link"), names());
    }

    @Test
    void replaceTakesTheNameWhileAnOldMappingKeepsTheOldFile() throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            final UnsafeBuffer old = new UnsafeBuffer(shared.create("f", LENGTH, OWNER, b -> fill(b, 1)));
            shared.replace("f", LENGTH, OWNER, b -> fill(b, 2));
            assertEquals(2, new UnsafeBuffer(shared.attach("f", FORMAT, VALIDATE)).getLong(8));
            assertEquals(1, old.getLong(8));
        }
        assertEquals(List.of("f"), names());
    }

    @Test
    void aFailingFillLeavesNothingBehind() throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            final IllegalStateException e = assertThrows(IllegalStateException.class, () -> shared.create("f", LENGTH, OWNER, b -> {
                throw new IllegalStateException("fill failed");
            }));
            assertEquals("fill failed", e.getMessage());
        }
        assertEquals(List.of(), names());
    }

    @Test
    void ofTwoCreatorsOfOneNameExactlyOneWins() throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            for (int round = 0; round < 50; round++) {
                final String name = "race-" + round;
                final CyclicBarrier start = new CyclicBarrier(2);
                final Callable<Boolean> creator = () -> {
                    start.await();
                    try {
                        shared.create(name, LENGTH, OWNER, b -> fill(b, Thread.currentThread().getId()));
                        return true;
                    } catch (final FileAlreadyExistsException e) {
                        return false;
                    }
                };
                final List<Future<Boolean>> results = pool.invokeAll(List.of(creator, creator));
                assertTrue(results.get(0).get() ^ results.get(1).get(), "round " + round + ": exactly one creator wins");
                assertEquals(MAGIC, new UnsafeBuffer(shared.attach(name, FORMAT, VALIDATE)).getLong(0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, names().size(), "no temporary or reserved file is left: " + names());
    }

    @Test
    void attachRefusesLinksDirectoriesAndMissingFiles() throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            shared.create("real", LENGTH, OWNER, b -> fill(b, 1));
            Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
            Files.createDirectory(dir.resolve("sub"));
            assertEquals("test file " + dir.resolve("link") + " is not a regular file but a symbolic link: refused",
                assertThrows(TestLayoutException.class, () -> shared.attach("link", FORMAT, VALIDATE)).getMessage());
            assertEquals("test file " + dir.resolve("sub") + " is not a regular file but a directory: refused",
                assertThrows(TestLayoutException.class, () -> shared.attach("sub", FORMAT, VALIDATE)).getMessage());
            assertThrows(NoSuchFileException.class, () -> shared.attach("missing", FORMAT, VALIDATE));
        }
    }

    @Test
    void attachChecksTheSizeBeforeMappingAndThenValidates() throws IOException {
        Files.write(dir.resolve("small"), new byte[63]);
        Files.write(dir.resolve("large"), new byte[8193]);
        Files.write(dir.resolve("zeros"), new byte[64]);
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            assertEquals("test file " + dir.resolve("small") + " is truncated: 63 bytes, smaller than the 64-byte header",
                assertThrows(TestLayoutException.class, () -> shared.attach("small", FORMAT, VALIDATE)).getMessage());
            assertEquals("test file " + dir.resolve("large") + " is 8193 bytes, larger than any valid test file (8192 bytes)",
                assertThrows(TestLayoutException.class, () -> shared.attach("large", FORMAT, VALIDATE)).getMessage());
            assertEquals(dir.resolve("zeros") + ": magic 0",
                assertThrows(TestLayoutException.class, () -> shared.attach("zeros", FORMAT, VALIDATE)).getMessage());
            try (FileChannel channel = shared.openChannel("zeros", FORMAT, FileCheck.ANY)) {
                assertEquals(64, channel.size(), "a channel is checked the same way, but not validated");
            }
        }
    }

    @Test
    void namesThatLeaveTheDirectoryAreRefused() throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            for (final String name : new String[] {"", ".", "..", "../f", "a/b", "/tmp/f"}) {
                assertThrows(IllegalArgumentException.class, () -> shared.create(name, LENGTH, OWNER, b -> fill(b, 1)), name);
                assertThrows(IllegalArgumentException.class, () -> shared.attach(name, FORMAT, VALIDATE), name);
            }
        }
        assertEquals(List.of(), names());
    }

    private static void fill(final AtomicBuffer buffer, final long value) {
        buffer.putLong(8, value);
        buffer.putLongVolatile(0, MAGIC);
    }

    private static void validate(final String file, final AtomicBuffer buffer, final long size) {
        final long magic = buffer.getLongVolatile(0);
        if (magic != MAGIC) {
            throw new TestLayoutException(file + ": magic " + magic);
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** The layout exception of the test format. */
    static final class TestLayoutException extends LayoutException {
        private static final long serialVersionUID = 1L;

        TestLayoutException(final String message) {
            super(message);
        }
    }
}
