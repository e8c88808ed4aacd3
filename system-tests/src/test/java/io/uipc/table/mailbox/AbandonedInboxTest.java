package io.uipc.table.mailbox;

import io.uipc.table.GroupFileNames;
import io.uipc.table.ProcessGroup;
import io.uipc.table.ReapReport;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.StopWhileCreating;
import io.uipc.testing.TempGroups;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A member SIGKILLed while its inbox file exists only under its temporary name (a real JVM,
 * stopped at that step by {@code SharedDirectory}'s step hook) leaves that name behind; a reap
 * removes it and says so, and the member's next incarnation opens its inbox as if nothing had
 * happened. In a {@code --unix-group} group the name is a private staging directory of the
 * member's user with the file in it: destroying the group removes it rather than stopping at it.
 */
@Timeout(120)
class AbandonedInboxTest {
    private static final List<String> GROUP_FILES = List.of("domain", "locks", "secret", "table");

    @Test
    void aReapRemovesTheInboxAMemberWasKilledCreating() throws Exception {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("abandoned")) {
            final String temporary = killWhileCreatingInbox(group, "rx", null);
            assertTrue(Files.isRegularFile(group.directory().resolve(temporary), LinkOption.NOFOLLOW_LINKS), temporary);

            final ReapReport report = group.reapDead();
            assertEquals(1, report.members().size(), "the member is reaped");
            assertEquals(List.of(temporary), report.abandoned());
            assertEquals(GROUP_FILES, names(group.directory()), "nothing is left of the half-made inbox");

            try (JvmProcess again = member(group, "rx", null)) {
                again.call("open spin 1000");
                assertEquals(List.of(GroupFileNames.inbox("rx")), inboxes(group.directory()));
                again.call("leave");
            }
            assertEquals(GROUP_FILES, names(group.directory()));
        }
    }

    @Test
    void destroyingAUnixGroupGroupRemovesTheStagingDirectoryOfAMemberKilledCreatingItsInbox() throws Exception {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser oracle = OtherUser.create("oracle");
             TempGroups groups = new TempGroups("abandoned")) {
            dba.add(oracle);
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            final Path dir;
            try (ProcessGroup group = ProcessGroup.create(groups.spec("shared", 8, 8, 64).withUnixGroup(dba.name()))) {
                dir = group.directory();
                final String staging = killWhileCreatingInbox(group, "fg", oracle);
                assertTrue(Files.isDirectory(dir.resolve(staging), LinkOption.NOFOLLOW_LINKS), staging + " is a staging directory");
                assertEquals(List.of(GroupFileNames.inbox("fg")), names(dir.resolve(staging)), "with the file in it");
            }
            ProcessGroup.destroy(dir, false);
            assertFalse(Files.exists(dir, LinkOption.NOFOLLOW_LINKS), "the group is gone");
        }
    }

    /** @return the name, in the group's directory, of what the member left */
    private static String killWhileCreatingInbox(final ProcessGroup group, final String name, final OtherUser user) {
        try (JvmProcess member = member(group, name, user)) {
            member.call("openstuck");
            final Path created = StopWhileCreating.awaitIn(member);
            member.kill();
            final Path relative = group.directory().relativize(created);
            return relative.getName(0).toString();
        }
    }

    private static JvmProcess member(final ProcessGroup group, final String name, final OtherUser user) {
        final var builder = JvmProcess.builder(name, MailboxMember.class).environment(TempGroups.memberEnvironment(group, name, "test"));
        return (user == null ? builder : builder.asUser(user)).start();
    }

    private static List<String> inboxes(final Path dir) throws IOException {
        return names(dir).stream().filter(n -> n.startsWith(GroupFileNames.INBOX_PREFIX)).toList();
    }

    private static List<String> names(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
