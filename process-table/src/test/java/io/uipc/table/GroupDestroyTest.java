package io.uipc.table;

import io.uipc.core.UipcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Destroying a group never descends into or through anything uipc did not make: a planted
 * subdirectory is named and left with what is in it, a group name that is a link or a FIFO is
 * refused at once, and nothing outside the group is touched.
 */
@Timeout(30)
class GroupDestroyTest {
    @TempDir(factory = SharedMemoryTempDir.class)
    Path root;

    private Path created(final String name) {
        try (ProcessGroup group = ProcessGroup.create(GroupSpec.named(name).withRoot(root).withCapacities(8, 8, 64))) {
            return group.directory();
        }
    }

    @Test
    void aPlantedSubdirectoryIsNamedAndNotEnteredAndAnEmptyOneIsRemoved() throws Exception {
        final Path dir = created("planted");
        Files.createDirectory(dir.resolve("empty"));
        final Path inside = Files.writeString(Files.createDirectory(dir.resolve("sub")).resolve("kept"), "x");
        final UipcException e = assertThrows(UipcException.class, () -> ProcessGroup.destroy(dir, false));
        assertEquals("group directory " + dir + " holds subdirectory 'sub', not made by uipc: uipc does not look inside;"
            + " remove it by hand and destroy again (removed so far: empty)", e.getMessage());
        assertTrue(Files.exists(inside), "nothing inside it is deleted");
        assertTrue(Files.isRegularFile(dir.resolve(GroupFileNames.TABLE)), "refused before the group's files are deleted");

        Files.delete(inside);
        final RemovedGroup removed = ProcessGroup.destroy(dir, false);
        assertEquals(List.of(GroupFileNames.DOMAIN, GroupFileNames.LOCKS, GroupFileNames.SECRET, "sub", GroupFileNames.TABLE),
            removed.files());
        assertFalse(removed.broken(), removed::toString);
        assertFalse(Files.exists(dir));
    }

    @Test
    void aGroupNameThatIsALinkOrAFifoIsRefusedAndNothingIsTouched() throws Exception {
        final Path real = created("real");
        Files.createSymbolicLink(root.resolve("link"), real);
        final UipcException link = assertThrows(UipcException.class, () -> ProcessGroup.destroy(root.resolve("link"), true));
        assertEquals(root.resolve("link") + " is not a group directory but a symbolic link: refused, nothing deleted", link.getMessage());
        assertTrue(Files.isRegularFile(real.resolve(GroupFileNames.TABLE)), "the link's target is untouched");

        assertEquals(0, new ProcessBuilder("mkfifo", root.resolve("fifo").toString()).start().waitFor());
        final UipcException fifo = assertThrows(UipcException.class, () -> ProcessGroup.destroy(root.resolve("fifo"), true));
        assertEquals(root.resolve("fifo") + " is not a group directory but a special file: refused, nothing deleted", fifo.getMessage());

        final UipcException none = assertThrows(UipcException.class, () -> ProcessGroup.destroy(root.resolve("none"), true));
        assertEquals("no group at " + root.resolve("none"), none.getMessage());
    }
}
