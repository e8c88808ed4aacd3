package io.uipc.table;

import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A member of a {@code --unix-group} group, a real second user, swaps a subdirectory of the
 * group's directory for a link to a root-only directory outside the group while root destroys
 * the group: between root's listing of the directory and its deletes (the test's pause in the
 * removal). Root deletes the link, never what it points to.
 */
@Timeout(120)
class GroupDestroySwapTest {
    @BeforeAll
    static void needsRoot() {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
    }

    @Test
    void aSubdirectorySwappedForALinkDuringDestroyLeavesTheLinkTargetAlone() throws Exception {
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser mallory = OtherUser.create("mallory");
             TempGroups groups = new TempGroups("destroyswap")) {
            dba.add(mallory);
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            final Path outside = Files.createDirectory(groups.root().resolve("root-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            final Path precious = Files.writeString(outside.resolve("precious"), "root's");
            final Path malloryOwn = Files.createDirectory(groups.root().resolve("mallory-own"));
            Files.setOwner(malloryOwn, malloryOwn.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(mallory.name()));
            final Path dir;
            try (ProcessGroup group = ProcessGroup.create(groups.spec("shared", 8, 8, 64).withUnixGroup(dba.name()))) {
                dir = group.directory();
            }
            mallory.shell("mkdir " + dir.resolve("sub") + " && echo mallory > " + dir.resolve("sub/precious")).assertSuccess();

            final AtomicBoolean swapped = new AtomicBoolean();
            final RemovedGroup removed = GroupDestroyer.destroy(dir, false, () -> {
                if (swapped.compareAndSet(false, true)) {
                    // what renameat2(RENAME_EXCHANGE) does in one step
                    mallory.shell("mv " + dir.resolve("sub") + " " + malloryOwn.resolve("moved") + " && ln -s " + outside + " "
                        + dir.resolve("sub")).assertSuccess();
                }
            });

            assertTrue(swapped.get(), "the member swapped between listing and deleting");
            assertEquals("root's", Files.readString(precious), "nothing outside the group is deleted");
            assertEquals(List.of(GroupFileNames.DOMAIN, GroupFileNames.LOCKS, GroupFileNames.SECRET, "sub", GroupFileNames.TABLE),
                removed.files(), "the group's files and the link itself");
            assertFalse(Files.exists(dir, LinkOption.NOFOLLOW_LINKS), "the group is gone");
            assertTrue(Files.exists(malloryOwn.resolve("moved/precious")), "a directory moved out is not followed either");
        }
    }
}
