package io.uipc.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Who may attach and join. The secret: a joiner without it, or with a wrong one, is refused
 * before it touches the table (in child JVMs started the launcher's way too: system-tests'
 * ChildJoinAccessTest). Ownership: a group directory owned by another uid is refused
 * unless group mode admits this process (checked for real by chown/chgrp as root). Files: the
 * modes the group is created with, and what they mean for another uid.
 */
@Timeout(120)
class GroupAccessTest extends OneGroupTest {
    private static final int NOBODY = 65534;

    GroupAccessTest() {
        super("access", 8, 8, 64);
    }

    @Test
    void joinWithoutOrWithAWrongSecretIsRefusedAndCostsTheTableNothing() {
        assumeTrue(System.getenv(GroupSecret.ENV) == null, "this JVM must run without " + GroupSecret.ENV);
        final GroupAccessException none = assertThrows(GroupAccessException.class, () -> group.join(JoinOptions.named("fg-1")));
        assertTrue(none.getMessage().contains("no secret presented to join group access: set UIPC_GROUP_SECRET"), none.getMessage());
        final GroupAccessException wrong = assertThrows(GroupAccessException.class,
            () -> group.join(JoinOptions.named("fg-1").secret(secret.substring(1) + "0")));
        assertTrue(wrong.getMessage().contains("wrong secret for group access: join refused"), wrong.getMessage());
        assertTrue(group.members().isEmpty(), "refused joiners claimed no entry");
        assertEquals(MemberHandle.NULL, group.lookup("fg-1"));
        final Member admitted = group.join(JoinOptions.named("fg-1").secret(" " + secret + "\n"));
        assertEquals(admitted.handle(), group.lookup("fg-1"), "the secret is compared trimmed, as read from its file");
    }

    @Test
    void aDirectoryOwnedByAnotherUidIsRefusedUnlessGroupModeAdmitsThisProcess() throws IOException {
        assumeTrue(isRoot(), "needs root to chown the group directory to another uid");
        final Path dir = group.directory();
        Files.setAttribute(dir, "unix:uid", NOBODY);
        assertEquals(NOBODY, Files.getAttribute(dir, "unix:uid"));
        final GroupAccessException owned = assertThrows(GroupAccessException.class, () -> ProcessGroup.attach(dir));
        assertTrue(owned.getMessage().contains("is owned by uid 65534 and not shared with a Unix group (mode 700)"
            + "; this process runs as uid 0: refused"), owned.getMessage());

        Files.setAttribute(dir, "unix:mode", 0770);
        Files.setAttribute(dir, "unix:gid", NOBODY);
        final GroupAccessException otherGroup = assertThrows(GroupAccessException.class, () -> ProcessGroup.attach(dir));
        assertTrue(otherGroup.getMessage().contains("is shared with gid 65534, which this process (uid 0"), otherGroup.getMessage());

        Files.setAttribute(dir, "unix:gid", 0);
        final TableCorruptException notTheOwners = assertThrows(TableCorruptException.class, () -> ProcessGroup.attach(dir));
        assertTrue(notTheOwners.getMessage().contains("is owned by root, not nobody (the group directory's owner): refused"),
            notTheOwners.getMessage());
        for (final String f : List.of(GroupFileNames.TABLE, GroupFileNames.DOMAIN, GroupFileNames.LOCKS, GroupFileNames.SECRET)) {
            Files.setAttribute(dir.resolve(f), "unix:uid", NOBODY);
            Files.setAttribute(dir.resolve(f), "unix:mode", f.equals(GroupFileNames.SECRET) ? 0640 : 0660);
        }
        try (ProcessGroup admitted = ProcessGroup.attach(dir); Member m = admitted.join(JoinOptions.named("dba-1").secret(secret))) {
            assertEquals(m.handle(), group.lookup("dba-1"), "admitted by group mode, and joined");
        }
    }

    @Test
    void filesAreOwnerOnlyByDefaultAndGroupReadableInGroupMode() throws IOException {
        assertEquals(0700, mode(group.directory()));
        for (final String f : List.of(GroupFileNames.TABLE, GroupFileNames.DOMAIN, GroupFileNames.LOCKS, GroupFileNames.SECRET)) {
            assertEquals(0600, mode(group.directory().resolve(f)), f);
        }
        try (ProcessGroup shared = ProcessGroup.create(spec("shared", 4, 4, 16).withUnixGroup("root"))) {
            assertEquals(0770, mode(shared.directory()));
            for (final String f : List.of(GroupFileNames.TABLE, GroupFileNames.DOMAIN, GroupFileNames.LOCKS)) {
                assertEquals(0660, mode(shared.directory().resolve(f)), f);
            }
            assertEquals(0640, mode(shared.directory().resolve(GroupFileNames.SECRET)), "members read the secret, none rewrite it");
            assertEquals(0, Files.getAttribute(shared.directory().resolve(GroupFileNames.SECRET), "unix:gid"));
            final String fileContent = Files.readString(shared.directory().resolve(GroupFileNames.SECRET)).trim();
            assertEquals(64, fileContent.length(), "32 random bytes, hex");
            final byte[] header = new byte[ProcessTableDescriptor.HEADER_LENGTH];
            shared.table().buffer().getBytes(0, header);
            assertTrue(!new String(header, StandardCharsets.ISO_8859_1).contains(fileContent), "the table holds only a hash");
        }
    }

    @Test
    void anotherUidWithoutFileAccessCannotEvenReadTheTableButAGroupMemberCan() throws Exception {
        assumeTrue(isRoot() && Files.isExecutable(Paths.get("/usr/bin/setpriv")), "needs root and setpriv");
        final Path table = group.directory().resolve(GroupFileNames.TABLE);
        final ChildResult outsider = run(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
            "/bin/cat", table.toString()));
        assertNotEquals(0, outsider.exit);
        assertTrue(outsider.output.contains("Permission denied"), outsider.output);

        try (ProcessGroup shared = ProcessGroup.create(spec("dba", 4, 4, 16).withUnixGroup("root"))) {
            final ChildResult member = run(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--groups=0",
                "/usr/bin/head", "-c", "8", shared.directory().resolve(GroupFileNames.TABLE).toString()));
            assertEquals(0, member.exit, member.output);
            assertTrue(member.output.startsWith(new String(magicBytes(), StandardCharsets.ISO_8859_1)), member.output);
        }
    }

    private static byte[] magicBytes() {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder()).putLong(ProcessTableDescriptor.MAGIC).array();
    }

    private static boolean isRoot() throws IOException {
        return GroupFiles.Credentials.current().uid() == 0;
    }

    private static int mode(final Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode") & 0777;
    }

    private record ChildResult(int exit, String output) {
    }

    private static ChildResult run(final List<String> command) throws Exception {
        return await(new ProcessBuilder(command).redirectErrorStream(true));
    }

    private static ChildResult await(final ProcessBuilder pb) throws Exception {
        final Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(pb.command() + " did not finish within 60 s");
            }
            return new ChildResult(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }
}
