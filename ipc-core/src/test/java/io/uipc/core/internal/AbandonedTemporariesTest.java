package io.uipc.core.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a creator that died mid-creation left is removed, relative to the opened directory and
 * never through a link: a file, a link (its target untouched), a FIFO (never opened), a staging
 * directory with the file in it; a live creator's work, other names, and a directory planted in
 * a staging directory are left.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AbandonedTemporariesTest {
    private static final LongPredicate LIVES = pid -> ProcessHandle.of(pid).isPresent();

    @TempDir
    Path tmp;

    @Test
    void removesOnlyWhatDeadCreatorsLeft() throws Exception {
        final Path dir = Files.createDirectory(tmp.resolve("group"));
        final Path outside = Files.createDirectory(tmp.resolve("outside"));
        final Path precious = Files.writeString(outside.resolve("precious"), "keep");
        final long dead = deadPid();
        final long live = ProcessHandle.current().pid();

        final String file = temporary("inbox.a", dead);
        Files.writeString(dir.resolve(file), "half");
        final String link = temporary("inbox.b", dead);
        Files.createSymbolicLink(dir.resolve(link), precious);
        final String linkToDir = temporary("inbox.c", dead);
        Files.createSymbolicLink(dir.resolve(linkToDir), outside);
        final String fifo = temporary("inbox.d", dead);
        run("mkfifo", dir.resolve(fifo).toString());
        final String staging = temporary("inbox.e", dead);
        Files.writeString(Files.createDirectory(dir.resolve(staging)).resolve("inbox.e"), "half");
        final String planted = temporary("inbox.f", dead);
        Files.writeString(Files.createDirectories(dir.resolve(planted).resolve("x")).resolve("y"), "planted");
        final String building = temporary("inbox.g", live);
        Files.writeString(dir.resolve(building), "being built");
        Files.writeString(dir.resolve("inbox.h"), "an inbox");
        Files.writeString(dir.resolve(".inbox.i.creating-x"), "not a temporary name");

        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            final List<String> temporaries = AbandonedTemporaries.list(shared);
            assertEquals(sorted(List.of(file, link, linkToDir, fifo, staging, planted, building)), sorted(temporaries));
            final List<String> removed = AbandonedTemporaries.remove(shared, temporaries, LIVES);
            assertEquals(sorted(List.of(file, link, linkToDir, fifo, staging)), sorted(removed));
        }
        assertEquals(sorted(List.of(planted, building, "inbox.h", ".inbox.i.creating-x")), names(dir));
        assertEquals("planted", Files.readString(dir.resolve(planted).resolve("x").resolve("y")), "nothing is removed below a staging directory");
        assertEquals(List.of("precious"), names(outside), "nothing outside the directory is touched");
        assertEquals("keep", Files.readString(precious));
    }

    @Test
    void aNameListedThenRemovedByItsCreatorIsNotReported() throws Exception {
        final Path dir = Files.createDirectory(tmp.resolve("group"));
        final String file = temporary("inbox.a", deadPid());
        Files.writeString(dir.resolve(file), "half");
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            final List<String> temporaries = AbandonedTemporaries.list(shared);
            Files.delete(dir.resolve(file));
            assertEquals(List.of(), AbandonedTemporaries.remove(shared, temporaries, LIVES));
        }
    }

    private static String temporary(final String name, final long pid) {
        final String own = TemporaryNames.creating(name);
        return own.replace(".creating-" + ProcessHandle.current().pid() + "-", ".creating-" + pid + "-");
    }

    /** A pid whose process ran and ended here. */
    private static long deadPid() throws Exception {
        final Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertTrue(ProcessHandle.of(p.pid()).isEmpty());
        return p.pid();
    }

    private static void run(final String... command) throws Exception {
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
    }

    private static List<String> names(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> sorted(final List<String> names) {
        return names.stream().sorted().toList();
    }
}
