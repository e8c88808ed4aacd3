package io.uipc.core.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting directory trees. */
class FileTreesTest {
    @TempDir
    Path temp;

    @Test
    void deletesATreeDeepestFirstWithoutFollowingLinks() throws IOException {
        final Path outside = Files.writeString(temp.resolve("outside"), "kept");
        final Path root = Files.createDirectories(temp.resolve("root/a/b"));
        Files.writeString(root.resolve("file"), "x");
        Files.writeString(temp.resolve("root/a/other"), "y");
        Files.createSymbolicLink(temp.resolve("root/link"), outside);
        FileTrees.delete(temp.resolve("root"));
        assertFalse(Files.exists(temp.resolve("root")));
        assertTrue(Files.exists(outside), "a link's target is not deleted");
    }

    @Test
    void aDirectorySwappedForALinkAfterListingIsNotFollowed() throws IOException {
        final Path outside = Files.createDirectories(temp.resolve("outside"));
        final Path precious = Files.writeString(outside.resolve("precious"), "kept");
        final Path sub = Files.createDirectories(temp.resolve("root/sub"));
        Files.writeString(sub.resolve("precious"), "x");
        final Path moved = temp.resolve("moved");
        FileTrees.delete(temp.resolve("root"), listed -> {
            if (listed.endsWith("sub")) {
                swapForLink(sub, moved, outside);
            }
        });
        assertFalse(Files.exists(temp.resolve("root"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(precious), "the link's target directory is not entered");
    }

    /** What renameat2(RENAME_EXCHANGE) does in one step: the directory goes elsewhere, a link takes its name. */
    private static void swapForLink(final Path dir, final Path movedTo, final Path target) {
        try {
            Files.move(dir, movedTo);
            Files.createSymbolicLink(dir, target);
        } catch (final IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMissingRootOrASingleFileIsFine() throws IOException {
        FileTrees.delete(temp.resolve("never-made"));
        final Path file = Files.writeString(temp.resolve("single"), "z");
        FileTrees.delete(file);
        assertFalse(Files.exists(file));
    }

    @Test
    void aFileThatCannotBeDeletedIsAnErrorNamingIt() {
        final Path undeletable = Path.of("/proc/self/status");
        final IOException e = assertThrows(IOException.class, () -> FileTrees.delete(undeletable));
        assertTrue(e.getMessage().contains("/proc/self/status"), e.getMessage());
    }
}
