package io.uipc.chaos.limits;

import io.uipc.table.GroupSpec;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Resource limits, with real processes: a full file system under the group, the group
 * directory deleted under live members, open files exhausted. Each gives a clear error and
 * leaves what already existed working.
 */
class LimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void fullFileSystemRefusesNewFilesClearlyAndKeepsTheGroup() throws Exception {
        final Path mount = Files.createDirectory(tmp.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0, "cannot mount a tmpfs here");
        try {
            try (ProcessGroup group = ProcessGroup.create(GroupSpec.named("g").withRoot(mount).withCapacities(64, 256, 1024));
                 Member stays = group.join(JoinOptions.named("stays").secret(group.readSecret()))) {
                fill(mount.resolve("filler"));
                try (JvmProcess child = probe(group, "child")) {
                    final String create = child.call("create " + mount);
                    child.call("join");
                    final String inbox = child.call("inbox");
                    child.call("leave");
                    assertTrue(create.startsWith("failed: ") && create.contains("No space left"), create);
                    assertTrue(inbox.startsWith("failed: ") && inbox.contains("No space left"), inbox);
                }
                try (Stream<Path> left = Files.list(mount)) {
                    assertEquals(List.of("filler", "g"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                        "a failed create or inbox leaves nothing behind");
                }
                assertEquals(stays.handle(), group.lookup("stays"));
                try (ProcessGroup again = ProcessGroup.attach(group.directory())) {
                    assertEquals(1, again.members().size(), again.members().toString());
                }
            }
        } finally {
            assertEquals(0, run("umount", "-l", mount.toString()));
        }
    }

    @Test
    void deletedGroupDirectoryMakesMembersFailLoudly() throws Exception {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("doomed");
             JvmProcess a = probe(group, "a"); JvmProcess b = probe(group, "b")) {
            for (final JvmProcess member : List.of(a, b)) {
                member.call("join");
                member.call("await");
            }
            assertEquals(0, run("rm", "-rf", group.directory().toString()));
            assertEquals(70, a.waitFor(WAIT), a.output());
            assertEquals(70, b.waitFor(WAIT), b.output());
            assertTrue(a.output().contains("was deleted") && a.output().contains("FATAL"), a.output());
        }
    }

    @Test
    void exhaustedFileDescriptorsGiveAClearErrorAndNoDamage() {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("fds"); JvmProcess child = probe(group, "child")) {
            child.call("limit-files 256");
            final String failed = child.call("attach-all");
            final String joined = child.call("join");
            child.call("leave");
            assertTrue(failed.startsWith("failed after ") && failed.contains("Too many open files"), failed);
            assertNotEquals(-1, Long.parseLong(joined));
            assertTrue(group.members().isEmpty(), "the child left cleanly: " + group.members());
            assertFalse(child.output().contains("Exception in thread"), child.output());
        }
    }

    private static JvmProcess probe(final ProcessGroup group, final String member) {
        return JvmProcess.builder(member, LimitsProbe.class).environment(TempGroups.memberEnvironment(group, member, "probe")).start();
    }

    private static void fill(final Path file) throws IOException {
        final byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (;;) {
                out.write(block);
                out.flush();
            }
        } catch (final IOException e) {
            assertTrue(e.getMessage().contains("No space left"), e.toString());
        }
    }

    private static int run(final String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

}
