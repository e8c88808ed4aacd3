package io.uipc.table;

import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sharing a group across real Unix users, the way a database's processes share one as members
 * of a {@code dba}-style group: root creates the group with {@code --unix-group}; a second user
 * in that Unix group joins from its own JVM; a third user, outside it, is refused by the file
 * system before any secret is looked at, and leaves nothing in the table.
 */
@Timeout(180)
class UnixGroupSharingTest {
    @BeforeAll
    static void needsRoot() {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
    }

    @Test
    void aUserInTheUnixGroupJoinsAndOneOutsideItIsRefused() throws Exception {
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser oracle = OtherUser.create("oracle");
             OtherUser outsider = OtherUser.create("outsider"); TempGroups groups = new TempGroups("unixgroup")) {
            dba.add(oracle);
            // the root may be owner-only under a strict umask: the users must reach the group inside
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            try (ProcessGroup group = ProcessGroup.create(groups.spec("shared", 8, 8, 64).withUnixGroup(dba.name()))) {
                final Map<String, String> env = TempGroups.memberEnvironment(group, "fg-1", "foreground");
                try (JvmProcess member = JvmProcess.builder("oracle", JoinOnceChild.class).environment(env).asUser(oracle).start()) {
                    final String reply = member.call("join");
                    assertTrue(reply.startsWith("fg-1 slot "), reply);
                }
                try (JvmProcess stranger = JvmProcess.builder("outsider", JoinOnceChild.class).environment(env).asUser(outsider).start()) {
                    final String refused = stranger.send("join").expect("error join");
                    assertTrue(refused.contains("GroupAccessException"), refused);
                }
                assertTrue(group.members().isEmpty(), "nothing left behind by either");
            }
        }
    }
}
