package io.uipc.table.hostile;

import io.uipc.core.UipcException;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 items 3 and 17: the group root. A root uipc makes is a sticky shared directory like
 * /tmp (mode 1777), where every user creates groups and none can rename another's; a root
 * another user owns, one writable by others without the sticky bit, a link, a file or a FIFO is
 * refused with one line naming the owner and mode and the --dir override; a user who may not
 * write in the root is told "Permission denied" and what to do. Real second users.
 */
@Timeout(120)
class GroupRootTest {
    @BeforeAll
    static void needsRoot() {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
    }

    private static TempGroups traversable(final String label) throws Exception {
        final TempGroups groups = new TempGroups(label);
        Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
        return groups;
    }

    private static String mode(final Path dir) throws Exception {
        return Integer.toOctalString((Integer) Files.getAttribute(dir, "unix:mode") & 07777);
    }

    private static UipcException createRefused(final Path root) {
        return assertThrows(UipcException.class, () -> ProcessGroup.create(GroupSpec.named("g").withRoot(root).withCapacities(8, 8, 64)));
    }

    @Test
    void aRootUipcMakesIsStickyAndEveryUserCreatesGroupsThereThatNoOtherCanRename() throws Exception {
        try (OtherUser alice = OtherUser.create("alice"); OtherUser bob = OtherUser.create("bob");
             TempGroups groups = traversable("sharedroot")) {
            final Path root = groups.root().resolve("uipc");
            ProcessGroup.create(GroupSpec.named("r").withRoot(root).withCapacities(8, 8, 64)).close();
            assertEquals("1777", mode(root));
            assertEquals(0, Files.getAttribute(root, "unix:uid"));
            try (JvmProcess a = JvmProcess.builder("alice", GroupsChild.class).asUser(alice).start();
                 JvmProcess b = JvmProcess.builder("bob", GroupsChild.class).asUser(bob).start()) {
                assertEquals("created", a.call("create " + root + " a"));
                assertEquals("created", b.call("create " + root + " b"));
                assertEquals("attached", b.call("attach " + root.resolve("b")));
            }
            assertEquals(alice.uid(), Files.getAttribute(root.resolve("a"), "unix:uid"));
            final OtherUser.Result rename = bob.run("mv", root.resolve("a").toString(), root.resolve("x").toString());
            assertNotEquals(0, rename.exitCode(), "sticky: bob cannot rename alice's group");
            assertTrue(Files.isDirectory(root.resolve("a")));
        }
    }

    @Test
    void aRootAnotherUserOwnsIsRefusedOnCreateAndAttachNamingItsOwnerAndMode() throws Exception {
        try (OtherUser alice = OtherUser.create("alice"); TempGroups groups = traversable("squatted")) {
            final Path root = groups.root().resolve("uipc");
            ProcessGroup.create(GroupSpec.named("mine").withRoot(root).withCapacities(8, 8, 64)).close();
            Files.setAttribute(root, "unix:uid", alice.uid());
            final UipcException create = createRefused(root);
            assertEquals("group root " + root + " belongs to another user (owner " + alice.name() + " (uid " + alice.uid()
                + "), mode 1777), who could rename or replace the groups in it: refused; remove it (as root or its owner)"
                + " or use --dir DIR", create.getMessage());
            final UipcException attach = assertThrows(UipcException.class, () -> ProcessGroup.attach(root.resolve("mine")));
            assertTrue(attach.getMessage().startsWith("group root " + root + " belongs to another user"), attach.getMessage());

            Files.setAttribute(root, "unix:uid", 0);
            Files.setAttribute(root, "unix:mode", 0777);
            final UipcException open = createRefused(root);
            assertEquals("group root " + root + " is writable by other users but not sticky (owner root (uid 0), mode 0777), so"
                + " anyone could rename or replace the groups in it: refused; chmod 1777 " + root + " or use --dir DIR",
                open.getMessage());
        }
    }

    @Test
    void aLinkAFileAFifoOrADanglingLinkAsRootIsOneClearLine() throws Exception {
        try (TempGroups groups = traversable("oddroots")) {
            final Path real = Files.createDirectory(groups.root().resolve("real"));
            final Path link = Files.createSymbolicLink(groups.root().resolve("link"), real);
            assertTrue(createRefused(link).getMessage().startsWith("group root " + link + " is a symbolic link (to " + real + "): refused"));
            final Path dangling = Files.createSymbolicLink(groups.root().resolve("dangling"), groups.root().resolve("nothing"));
            assertTrue(createRefused(dangling).getMessage().startsWith("group root " + dangling + " is a symbolic link"));
            final Path file = Files.writeString(groups.root().resolve("file"), "x");
            assertEquals("group root " + file + " is a regular file, not a directory: remove it, or use --dir DIR",
                createRefused(file).getMessage());
            final Path fifo = groups.root().resolve("fifo");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            assertEquals("group root " + fifo + " is a FIFO, socket or device, not a directory: remove it, or use --dir DIR",
                createRefused(fifo).getMessage());
            assertFalse(Files.exists(real.resolve("g")), "nothing made through the link");

            ProcessGroup.create(GroupSpec.named("g").withRoot(real).withCapacities(8, 8, 64)).close();
            final Path alias = Files.createSymbolicLink(real.resolve("alias"), real.resolve("g"));
            assertEquals("group directory " + alias + " is a symbolic link: refused",
                assertThrows(UipcException.class, () -> ProcessGroup.attach(alias)).getMessage());
        }
    }

    @Test
    void aUserWhoMayNotWriteTheRootIsToldPermissionDeniedAndWhatToDo() throws Exception {
        try (OtherUser alice = OtherUser.create("alice"); TempGroups groups = traversable("readonlyroot")) {
            final Path root = Files.createDirectory(groups.root().resolve("uipc"));
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (JvmProcess a = JvmProcess.builder("alice", GroupsChild.class).asUser(alice).start()) {
                final String refused = a.send("create " + root + " g").expect("error create");
                assertTrue(refused.endsWith("cannot create group 'g' in " + root + ": Permission denied (owner root (uid 0), mode 0755);"
                    + " ask its owner to make it a shared directory like /tmp (chmod 1777 " + root + "), or use --dir DIR"
                    + " for a directory of your own"), refused);
            }
        }
    }
}
