package io.uipc.table;

import io.uipc.core.SendResult;
import io.uipc.testing.CommandLoop;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 item 19, across real JVMs: a rotated secret leaves live members working and admits
 * new joins only with the new secret; only the group's owner may rotate.
 */
@Timeout(180)
class SecretRotationTest {
    private static final String V5 = Long.toHexString(1L << 5);
    private static final String V6 = Long.toHexString(1L << 6);

    @Test
    void aRotationKeepsLiveMembersWorkingAndAdmitsOnlyTheNewSecret() throws Exception {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("rotate", 8, 8, 64);
             JvmProcess lgwr = JvmProcess.start("lgwr", MemberChild.class);
             JvmProcess fg = JvmProcess.start("fg-1", MemberChild.class);
             JvmProcess late = JvmProcess.start("late", MemberChild.class)) {
            final String old = group.readSecret();
            for (final JvmProcess child : new JvmProcess[] {lgwr, fg, late}) {
                child.call("attach " + group.directory());
            }
            lgwr.call("join lgwr " + old + " -1 5");
            fg.call("join fg-1 " + old + " -1 6");
            final String mode = mode(group.directory().resolve(GroupFileNames.SECRET));

            assertEquals(1, group.rotateSecret());
            final String fresh = group.readSecret();
            assertNotEquals(old, fresh);
            assertEquals(mode, mode(group.directory().resolve(GroupFileNames.SECRET)), "the secret file keeps its mode");

            assertTrue(SendResult.isPosted(Integer.parseInt(fg.call("send cached 5 lgwr"))), "a live member is still sent to");
            lgwr.send("collect " + V5 + " 30000");
            assertEquals(V5, lgwr.reply("collect"));
            assertTrue(SendResult.isPosted(Integer.parseInt(lgwr.call("send name 6 fg-1"))), "and still sends");
            fg.send("collect " + V6 + " 30000");
            assertEquals(V6, fg.reply("collect"));

            final String refused = late.send("join late " + old + " -1 5").expect(CommandLoop.ERROR + " join");
            assertTrue(refused.contains("wrong secret for group rotate: join refused"), refused);
            late.call("join late " + fresh + " -1 5");
            assertEquals(3, group.liveMemberNames().size());
            assertTrue(lgwr.call("stats").endsWith(" lost=no") && fg.call("stats").endsWith(" lost=no"), "nobody lost its entry");
        }
    }

    @Test
    void onlyTheOwnerMayRotate() throws Exception {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser oracle = OtherUser.create("oracle");
             TempGroups groups = new TempGroups("rotateowner")) {
            dba.add(oracle);
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            try (ProcessGroup group = ProcessGroup.create(groups.spec("shared", 8, 8, 64).withUnixGroup(dba.name()));
                 JvmProcess member = JvmProcess.builder("oracle", RotateChild.class).asUser(oracle).start()) {
                final String before = group.readSecret();
                final String refused = member.send("rotate " + group.directory()).expect(CommandLoop.ERROR + " rotate");
                assertTrue(refused.contains("GroupAccessException: only the owner of group shared (uid 0) may rotate its secret;"
                    + " this process runs as uid " + oracle.uid() + ": refused"), refused);
                assertEquals(before, group.readSecret(), "a refused rotation changes nothing");

                final Path secret = group.directory().resolve(GroupFileNames.SECRET);
                final Object groupBefore = Files.getAttribute(secret, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                assertEquals(1, group.rotateSecret(), "the owner may");
                assertNotEquals(before, group.readSecret());
                assertEquals("rw-r-----", mode(secret), "still readable by the Unix group only");
                assertEquals(groupBefore, Files.getAttribute(secret, "unix:gid", LinkOption.NOFOLLOW_LINKS), "and still the group's");
            }
        }
    }

    private static String mode(final Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }
}
