package io.uipc.cli;

import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code uipc demo} killed by SIGKILL (issue 11, item 13): its members, the examples' programs,
 * end by themselves, and the next demo removes the group and the log directory it left.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoKilledTest {
    private static final long END_SECONDS = 20;

    @TempDir
    Path root;
    @TempDir
    Path tmp;

    @Test
    void membersOfAKilledDemoEndAndTheNextDemoRemovesWhatItLeft() throws Exception {
        final List<ProcessHandle> members;
        final long demoPid;
        try (JvmProcess cli = JvmProcess.builder("uipc-demo", UipcCommand.class).jvmOption("-Djava.io.tmpdir=" + tmp)
            .args("demo", "--dir", root.toString()).start()) {
            // Killed while the last order starts: lgwr, session and pmon would wait for their peers for ever.
            cli.expect("uipc      | starting fg-1, fg-2, fg-3, canceller", Duration.ofSeconds(60));
            demoPid = cli.pid();
            members = ProcessHandle.of(demoPid).orElseThrow().descendants().toList();
            cli.signal(Signal.KILL);
            cli.waitFor(Duration.ofSeconds(30));
        }
        assertTrue(members.size() >= 3, "pmon, lgwr and session at least: " + members);
        for (final ProcessHandle m : members) {
            try {
                m.onExit().get(END_SECONDS, TimeUnit.SECONDS);
            } catch (final TimeoutException e) {
                m.destroyForcibly();
                fail("member " + m.pid() + " (" + m.info().commandLine().orElse("?") + ") still runs " + END_SECONDS
                    + " s after its demo was killed");
            }
        }
        assertEquals(1, list(root).size(), "the killed demo's group is left");
        assertEquals(1, list(tmp).size(), "the killed demo's log directory is left");
        final String report = sweep();
        assertTrue(report.contains("removed group " + root.resolve("demo-" + demoPid + "-")), report);
        assertEquals(List.of(), list(root), report);
        assertEquals(List.of(), list(tmp), report);
    }

    @Test
    void onlyLeftoversOfDemosWhoseProcessIsGoneAreRemoved() throws Exception {
        final Process done = new ProcessBuilder("true").start();
        done.waitFor();
        final long dead = done.pid();
        final long live = ProcessHandle.current().pid();
        ProcessGroup.create(GroupSpec.named("demo-" + dead + "-abc").withRoot(root)).close();
        ProcessGroup.create(GroupSpec.named("demo-" + live + "-abc").withRoot(root)).close();
        Files.createDirectory(root.resolve("demo-" + dead + "-not-ours"));
        Files.writeString(Files.createDirectory(tmp.resolve("uipc-demo-" + dead + "-123")).resolve("redo.log"), "redo");
        Files.createDirectory(tmp.resolve("uipc-demo-" + live + "-456"));

        final String report = sweep();
        assertTrue(report.contains("removed group " + root.resolve("demo-" + dead + "-abc")), report);
        assertTrue(report.contains("removed log directory " + tmp.resolve("uipc-demo-" + dead + "-123")), report);
        assertFalse(Files.exists(root.resolve("demo-" + dead + "-abc")), report);
        assertFalse(Files.exists(tmp.resolve("uipc-demo-" + dead + "-123")), report);
        assertTrue(Files.exists(root.resolve("demo-" + live + "-abc")), "a running demo's group stays");
        assertTrue(Files.exists(tmp.resolve("uipc-demo-" + live + "-456")), "a running demo's directory stays");
        assertTrue(Files.exists(root.resolve("demo-" + dead + "-not-ours")), "a name not of the demo's form stays");
        ProcessGroup.destroy(root.resolve("demo-" + live + "-abc"), true);
    }

    private String sweep() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoLeftovers.sweep(root, tmp, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> list(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
