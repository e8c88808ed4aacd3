package io.uipc.table.hostile;

import io.uipc.core.UipcException;
import io.uipc.table.GroupFileNames;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 item 4: the confused deputy. A member of the Unix group (a real second user, who may
 * write in the group directory) replaces one of the group's files with a link to another,
 * owner-only group's file, or with a copy of its own; root's attach must refuse each with one
 * line naming the file, instead of acting on the other group or on the member's file.
 */
@Timeout(120)
class ConfusedDeputyTest {
    @BeforeAll
    static void needsRoot() {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
    }

    @Test
    void aLinkToAnotherGroupsFileOrAMembersOwnCopyIsRefusedByRoot() throws Exception {
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser oracle = OtherUser.create("oracle");
             TempGroups groups = new TempGroups("deputy")) {
            dba.add(oracle);
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            ProcessGroup.create(groups.spec("private", 8, 8, 64)).close();
            ProcessGroup.create(groups.spec("g", 8, 8, 64).withUnixGroup(dba.name())).close();
            final Path dir = groups.root().resolve("g");
            final Path other = groups.root().resolve("private");
            for (final String f : List.of(GroupFileNames.DOMAIN, GroupFileNames.TABLE, GroupFileNames.LOCKS)) {
                plant(oracle, dir, f, "ln -s " + other.resolve(f) + " " + f);
                final UipcException linked = assertThrows(UipcException.class, () -> ProcessGroup.attach(dir));
                assertTrue(linked.getMessage().contains(dir.resolve(f) + " is not a regular file but a symbolic link: refused"),
                    linked.getMessage());
                restore(dir, f);

                plant(oracle, dir, f, "cp " + f + ".orig " + f);
                final UipcException copied = assertThrows(UipcException.class, () -> ProcessGroup.attach(dir));
                assertTrue(copied.getMessage().contains(dir.resolve(f) + " is owned by " + oracle.name()
                    + ", not root (the group directory's owner): refused"), copied.getMessage());
                restore(dir, f);
            }
            plant(oracle, dir, GroupFileNames.SECRET, "cp secret.orig secret");
            try (ProcessGroup group = ProcessGroup.attach(dir)) {
                final UipcException secret = assertThrows(UipcException.class, group::readSecret);
                assertEquals("group secret " + dir.resolve(GroupFileNames.SECRET) + " is owned by " + oracle.name()
                    + ", not root (the group directory's owner): refused", secret.getMessage());
                restore(dir, GroupFileNames.SECRET);
                assertEquals(64, group.readSecret().length(), "the real one is read again");
            }
        }
    }

    /** The member moves the file aside, then puts its own thing in its place. */
    private static void plant(final OtherUser member, final Path dir, final String file, final String replacement) {
        member.shell("cd " + dir + " && mv " + file + " " + file + ".orig && " + replacement).assertSuccess();
    }

    private static void restore(final Path dir, final String file) throws Exception {
        Files.move(dir.resolve(file + ".orig"), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
}
