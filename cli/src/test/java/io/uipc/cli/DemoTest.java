package io.uipc.cli;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.SpecParser;
import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uipc demo} end to end: the real CLI in its own JVM (as bin/uipc runs it, with the
 * examples on its class path) launches the examples' processes, each in its own JVM; the test
 * checks what they reported, the exit code, and that no process and no file is left. And the
 * demo's spec: this module's resource, naming only the examples' programs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> MEMBERS = List.of("pmon", "lgwr", "session", "fg-1", "fg-2", "fg-3", "canceller");
    private static final Pattern PID = Pattern.compile("^uipc +\\| +(\\S+) registered: pid (\\d+)");
    private static final Pattern LOG_DIR = Pattern.compile("log directory (\\S+) removed");

    @TempDir
    Path root;

    @Test
    void theDemoSpecIsThisModulesResourceAndLaunchesOnlyTheExamplesPrograms() throws Exception {
        final LaunchSpec spec = SpecParser.parse("demo.toml", DemoCommand.specText());
        assertEquals(Set.copyOf(MEMBERS), Set.copyOf(spec.memberNames()));
        for (final List<ProcessSpec> stage : spec.stages()) {
            for (final ProcessSpec process : stage) {
                assertTrue(process.mainClass().startsWith("io.uipc.examples."), process.toString());
                assertEquals(process.mainClass(), Class.forName(process.mainClass()).getName(), "on the CLI's class path");
            }
        }
    }

    @Test
    void theDemoRunsTheExamplesChecksThemAndLeavesNothingBehind() throws IOException {
        try (JvmProcess cli = JvmProcess.start("uipc-demo", UipcCommand.class, "demo", "--dir", root.toString())) {
            final int code = cli.waitFor(WAIT);
            final String out = cli.output();
            assertEquals(0, code, out);

            for (final String name : MEMBERS.subList(1, MEMBERS.size())) {
                assertTrue(out.contains("pmon      | JOINED " + name + " pid "), name + " joined, seen by pmon:\n" + out);
                assertTrue(out.contains("pmon      | LEFT " + name + " pid "), name + " left, seen by pmon:\n" + out);
            }
            assertTrue(out.contains("lgwr      | VERIFIED ") && out.contains(": 300 commits made durable in ")
                && out.contains("every commit acknowledged to the 3 foregrounds is in the file once, in order"), out);
            for (int k = 1; k <= 3; k++) {
                assertTrue(out.contains("fg-" + k + "      | ACKED fg-" + k + " 100 commit latency"), out);
            }
            assertTrue(Pattern.compile("session   \\| CANCELLED socket-read by java.nio.channels.ClosedByInterruptException"
                + " after blocking \\d+\\.\\d ms; returned \\d+\\.\\d us after the cancel was sent").matcher(out).find(), out);
            assertTrue(out.contains("session   | CANCELLED sleep by java.lang.InterruptedException"), out);

            final String summary = out.substring(out.indexOf("uipc demo: what each process reported last:"));
            assertTrue(summary.contains("\n  lgwr       VERIFIED "), summary);
            assertTrue(Pattern.compile("\n  session    DONE 2 blocking calls cancelled; returned after the cancel was sent:"
                + " socket-read \\d+\\.\\d us, sleep \\d+\\.\\d us").matcher(summary).find(), summary);
            assertTrue(summary.contains("\n  pmon       MONITOR stopping: every other member has gone; saw 6 join(s), 6 leave(s),"
                + " 0 death(s)"), summary);
            assertTrue(summary.contains("7 processes started, 0 still running; group directory "), summary);
            assertTrue(summary.endsWith("uipc demo: OK: every process exited 0 and nothing is left behind."), summary);

            assertNothingLeft(out);
        }
    }

    private void assertNothingLeft(final String out) throws IOException {
        final Matcher pids = PID.matcher("");
        int members = 0;
        for (final String line : out.split("\n")) {
            if (pids.reset(line).find()) {
                members++;
                final long pid = Long.parseLong(pids.group(2));
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), pids.group(1) + " (pid " + pid + ") still runs");
            }
        }
        assertEquals(MEMBERS.size(), members, "a 'registered: pid' line per member:\n" + out);
        final Matcher logDir = LOG_DIR.matcher(out);
        assertTrue(logDir.find(), out);
        assertFalse(Files.exists(Paths.get(logDir.group(1))), logDir.group(1) + " left behind");
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList(), "group directories left behind");
        }
    }
}
