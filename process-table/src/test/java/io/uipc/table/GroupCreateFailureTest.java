package io.uipc.table;

import io.uipc.core.UipcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A create that fails midway leaves nothing behind, whatever it throws, and one that loses a
 * race to another creator says that the group already exists. {@link HookedBackend} is the
 * seam inside the create: it runs after the secret is written and before the domain is made.
 */
@Timeout(30)
class GroupCreateFailureTest {
    @TempDir(factory = SharedMemoryTempDir.class)
    Path root;

    @AfterEach
    void clearHook() {
        HookedBackend.beforeCreate(() -> { });
    }

    private GroupSpec spec(final String name) {
        return GroupSpec.named(name).withRoot(root).withCapacities(8, 8, 64);
    }

    private List<String> namesInRoot() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anErrorMidCreateIsRethrownAndLeavesNoHalfBuiltDirectory() throws IOException {
        final Error missingFlag = new IllegalAccessError("simulated: a JVM flag the backend needs is missing");
        HookedBackend.beforeCreate(() -> {
            throw missingFlag;
        });
        final Error thrown = assertThrows(Error.class, () -> ProcessGroup.create(spec("g").withBackend(HookedBackend.NAME)));
        assertSame(missingFlag, thrown, "the Error itself, not a wrapper");
        assertEquals(List.of(), namesInRoot(), "no .g.creating-PID-N directory (with its secret) left behind");
    }

    @Test
    void theLoserOfTwoRacingCreatesIsToldTheGroupAlreadyExistsAndLeavesNothing() throws Exception {
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        HookedBackend.beforeCreate(() -> {
            paused.countDown();
            try {
                assertTrue(resume.await(20, TimeUnit.SECONDS));
            } catch (final InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        final CompletableFuture<ProcessGroup> loser = CompletableFuture.supplyAsync(
            () -> ProcessGroup.create(spec("g").withBackend(HookedBackend.NAME)));
        assertTrue(paused.await(20, TimeUnit.SECONDS), "the loser is past its check that the name is free");
        try (ProcessGroup winner = ProcessGroup.create(spec("g"))) {
            resume.countDown();
            final ExecutionException e = assertThrows(ExecutionException.class, () -> loser.get(20, TimeUnit.SECONDS));
            assertEquals("group 'g' already exists at " + root.resolve("g"), e.getCause().getMessage());
            assertEquals(List.of("g"), namesInRoot(), "the loser's half-built directory is gone");
            assertTrue(winner.members().isEmpty());
        }
        try (ProcessGroup again = ProcessGroup.attach(root.resolve("g"))) {
            assertEquals(8, again.capacity(), "the winner's group is whole");
        }
    }

    @Test
    void aRenameTheKernelRefusesAsDirectoryNotEmptyMeansTheGroupAlreadyExists() throws IOException {
        final Path winner = Files.createDirectories(root.resolve("g"));
        Files.writeString(winner.resolve(GroupFileNames.TABLE), "the winner's");
        final Path loser = Files.createDirectories(root.resolve(".g.creating-1-2"));
        // the rename itself, without Files.move's check that the target is free: what a create
        // meets when another creator's rename lands between its check and its own rename
        final FileSystemException refused = assertThrows(FileSystemException.class,
            () -> Files.move(loser, winner, StandardCopyOption.ATOMIC_MOVE));
        final UipcException e = CreateFailure.describe("g", winner, refused);
        assertEquals("group 'g' already exists at " + winner, e.getMessage());
        final UipcException other = CreateFailure.describe("h", root.resolve("h"), refused);
        assertTrue(other.getMessage().startsWith("cannot create group 'h' at "), other.getMessage());
    }
}
