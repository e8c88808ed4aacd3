package io.uipc.table.hostile;

import io.uipc.core.internal.SharedDirectory;
import io.uipc.table.GroupFileNames;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 item 1: a member of the Unix group, a real second user, plays the attacker at the
 * moment root has created a new file's temporary name and not yet set its mode and group (a
 * {@link SharedDirectory#stepHook} pause, not luck). It swaps the name for a FIFO (on which
 * setting a mode by name would block forever) or for a link to a root-only file (which would be
 * given to the group). Root's operation must finish, with the file root made, and the root-only
 * file must keep its mode and group.
 */
@Timeout(120)
class SwapDuringCreateTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @BeforeAll
    static void needsRoot() {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
    }

    @AfterEach
    void noPause() {
        SharedDirectory.stepHook(temporary -> { });
    }

    /**
     * The attacker's move on every name being created in a directory: a file becomes a FIFO (and
     * a link to the victim appears beside it); a private directory holding one is renamed away and
     * replaced by one of the attacker's with a FIFO of the file's name in it.
     */
    private static String swap(final Path dir, final Path temporary, final Path victim) {
        return "cd " + dir + " 2>/dev/null || exit 0; for f in .*creating-*; do "
            + "if [ -d \"$f\" ]; then mv \"$f\" \"$f.away\" && mkdir \"$f\" && mkfifo \"$f/" + temporary.getFileName() + "\";"
            + " else rm -f \"$f\" && mkfifo \"$f\" && ln -s " + victim + " \"$f.link\"; fi; done; echo swapped; ls -la";
    }

    @Test
    void aMemberSwappingANewInboxMidCreationNeitherStallsRootNorGetsAFile() throws Exception {
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser oracle = OtherUser.create("oracle");
             TempGroups groups = new TempGroups("swapinbox")) {
            dba.add(oracle);
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            final Path victim = Files.writeString(groups.root().resolve("root-only"), "root's\n");
            Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r-----"));
            try (ProcessGroup group = ProcessGroup.create(groups.spec("g", 8, 8, 64).withUnixGroup(dba.name()));
                 Member owner = group.join(JoinOptions.named("lgwr").secret(group.readSecret()))) {
                final List<String> attacks = new ArrayList<>();
                SharedDirectory.stepHook(temporary -> {
                    if (temporary.toString().contains(GroupFileNames.INBOX_PREFIX)) {
                        attacks.add(oracle.shell(swap(group.directory(), temporary, victim)).output());
                    }
                });
                try (Inbox inbox = assertTimeoutPreemptively(DEADLINE,
                    () -> Inbox.open(owner, 9, InboxConfig.defaults().withCapacity(1024)))) {
                    assertEquals(9, inbox.vector(), "the inbox is root's own, as made");
                    assertEquals(1, attacks.size(), "the attacker had its moment");
                    assertTrue(attacks.get(0).contains("swapped"), "the group directory is the attacker's to write in: " + attacks);
                    final Path file = group.directory().resolve(GroupFileNames.inbox("lgwr"));
                    assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS), attacks.toString());
                    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                    assertEquals(dba.name(), Files.readAttributes(file, "posix:group").get("group").toString());
                }
                assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)), attacks.toString());
                assertEquals("root", Files.getAttribute(victim, "posix:group").toString());
            }
        }
    }

    @Test
    void aMemberCannotReachAGroupBeingCreatedForItsUnixGroup() throws Exception {
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser oracle = OtherUser.create("oracle");
             TempGroups groups = new TempGroups("swapgroup")) {
            dba.add(oracle);
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            final Path victim = Files.writeString(groups.root().resolve("root-only"), "root's\n");
            Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r-----"));
            final List<String> attacks = new ArrayList<>();
            SharedDirectory.stepHook(temporary -> attacks.add(oracle.shell(swap(temporary.getParent(), temporary, victim)).output()));
            try (ProcessGroup group = assertTimeoutPreemptively(DEADLINE,
                () -> ProcessGroup.create(groups.spec("g", 8, 8, 64).withUnixGroup(dba.name())))) {
                assertEquals(4, attacks.size(), "a moment for each of secret, domain, table and locks");
                assertFalse(attacks.stream().anyMatch(a -> a.contains("swapped")), "the directory is closed to the group: " + attacks);
                for (final String f : List.of(GroupFileNames.TABLE, GroupFileNames.DOMAIN, GroupFileNames.LOCKS)) {
                    final Path file = group.directory().resolve(f);
                    assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS), f);
                    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), f);
                }
                assertEquals("rwxrwx---", PosixFilePermissions.toString(Files.getPosixFilePermissions(group.directory())));
                assertEquals(64, group.readSecret().length());
            }
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));
        }
    }
}
