package io.uipc.chaos.limits;

import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.testing.ChildProcess;
import io.uipc.table.testing.TestGroups;
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
            try (ProcessGroup group = TestGroups.create(mount, "g");
                 Member stays = group.join(JoinOptions.named("stays").secret(group.readSecret()))) {
                fill(mount.resolve("filler"));
                try (ChildProcess child = ChildProcess.start("full", LimitsProbe.class, TestGroups.env(group, "child", "probe"),
                    "full", mount.toString())) {
                    final String create = child.expect("create-", WAIT);
                    final String inbox = child.expect("inbox-", WAIT);
                    child.expect("end", WAIT);
                    assertEquals(0, child.waitFor(WAIT), child.output());
                    assertTrue(create.startsWith("create-failed") && create.contains("No space left"), create);
                    assertTrue(inbox.startsWith("inbox-failed") && inbox.contains("No space left"), inbox);
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
        final ProcessGroup group = TestGroups.create(tmp, "doomed");
        try (ChildProcess a = ChildProcess.start("a", LimitsProbe.class, TestGroups.env(group, "a", "probe"), "wait");
             ChildProcess b = ChildProcess.start("b", LimitsProbe.class, TestGroups.env(group, "b", "probe"), "wait")) {
            a.expect("joined", WAIT);
            b.expect("joined", WAIT);
            assertEquals(0, run("rm", "-rf", group.directory().toString()));
            assertEquals(70, a.waitFor(WAIT), a.output());
            assertEquals(70, b.waitFor(WAIT), b.output());
            assertTrue(a.output().contains("was deleted") && a.output().contains("FATAL"), a.output());
        } finally {
            group.close();
        }
    }

    @Test
    void exhaustedFileDescriptorsGiveAClearErrorAndNoDamage() {
        try (ProcessGroup group = TestGroups.create(tmp, "fds");
             ChildProcess child = ChildProcess.start("fds", LimitsProbe.class, TestGroups.env(group, "child", "probe"), "fds")) {
            final String failed = child.expect("attach-", WAIT);
            final String joined = child.expect("joined", WAIT);
            child.expect("end", WAIT);
            assertEquals(0, child.waitFor(WAIT), child.output());
            assertTrue(failed.startsWith("attach-failed") && failed.contains("Too many open files"), failed);
            assertNotEquals(-1, Long.parseLong(joined.split(" ")[1]));
            assertTrue(group.members().isEmpty(), "the child left cleanly: " + group.members());
            assertFalse(child.output().contains("Exception in thread"), child.output());
        }
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
