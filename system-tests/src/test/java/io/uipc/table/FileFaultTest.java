package io.uipc.table;

import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group file truncated or replaced under a live member (issue 11 item 9), in a real child JVM
 * with the default lost-member handler: the member's liveness thread finds it before it touches
 * the mapping, prints one line naming the file and what happened, and halts (exit code 70), as
 * when its group's directory is removed. Before the fix, the truncations killed the liveness
 * thread with an {@code InternalError} stack trace and the member ran on; a replaced file went
 * unnoticed.
 */
class FileFaultTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void truncatedTableHaltsTheMemberWithOneLine() throws Exception {
        final String line = faultMember(file -> {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
        }, GroupFileNames.TABLE, false);
        assertTrue(line.contains("process table") && line.contains("truncated to 0 bytes"), line);
    }

    @Test
    void truncatedDomainHaltsTheMemberWithOneLine() throws Exception {
        final String line = faultMember(file -> run("truncate", "-s", "0", file.toString()), GroupFileNames.DOMAIN, false);
        assertTrue(line.contains("interrupt domain") && line.contains("truncated to 0 bytes"), line);
    }

    @Test
    void replacedTableHaltsTheMemberWithOneLine() throws Exception {
        final String line = faultMember(FileFaultTest::replace, GroupFileNames.TABLE, false);
        assertTrue(line.contains("process table") && line.contains("replaced"), line);
    }

    @Test
    void replacedLockFileHaltsTheMemberWithOneLine() throws Exception {
        final String line = faultMember(FileFaultTest::replace, GroupFileNames.LOCKS, false);
        assertTrue(line.contains("lock file") && line.contains("replaced"), line);
    }

    @Test
    void aFaultOnTheHotPathIsAnErrorInThatThreadNeverACrash() throws Exception {
        final String line = faultMember(file -> run("truncate", "-s", "0", file.toString()), GroupFileNames.DOMAIN, true);
        assertTrue(line.contains("interrupt domain") && line.contains("truncated"), line);
    }

    /**
     * Starts a member, damages one of its group's files, and waits for the member to halt.
     *
     * @return the member's one FATAL line
     */
    private static String faultMember(final Damage damage, final String fileName, final boolean busy) throws Exception {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("faulted");
             JvmProcess member = JvmProcess.builder("member", FileFaultChild.class)
                 .environment(TempGroups.memberEnvironment(group, "m", "victim")).start()) {
            group.onMemberLost(e -> { });
            member.call("join");
            if (busy) {
                member.call("busy");
            }
            final long damaged = System.nanoTime();
            damage.apply(group.directory().resolve(fileName));
            final int code = member.waitFor(DEADLINE);
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - damaged);
            System.out.println("FileFaultTest: " + fileName + " damaged; member halted after " + millis + " ms");
            final String output = member.output();
            assertEquals(70, code, output);
            assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
            assertFalse(output.contains("Exception in thread"), output);
            final List<String> fatal = output.lines().filter(l -> l.contains("FATAL")).toList();
            assertEquals(1, fatal.size(), output);
            if (busy) {
                output.lines().filter(l -> l.contains("hot path threw")).forEach(l -> {
                    System.out.println("FileFaultTest: " + l);
                    assertTrue(l.contains("InternalError") || l.contains("Exception"), l);
                });
            }
            return fatal.get(0);
        }
    }

    private static void replace(final Path file) throws IOException {
        final Path copy = file.resolveSibling(file.getFileName() + ".copy");
        Files.copy(file, copy);
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void run(final String... command) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
    }

    /** Damages a file of the group. */
    @FunctionalInterface
    private interface Damage {
        void apply(Path file) throws Exception;
    }
}
