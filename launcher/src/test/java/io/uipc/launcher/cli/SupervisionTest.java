package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import io.uipc.launcher.testapp.ScriptedMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Supervision that members cannot fool (issue 11, items 10, 11 and 13), with the real CLI in its
 * own JVM and real member JVMs: an endless line, a child holding a dead member's output open, and
 * the launcher killed by SIGKILL. Every wait has a deadline; none is a sleep.
 */
@Timeout(120)
class SupervisionTest {
    private static final String MEMBER = ScriptedMember.class.getName();
    private static final Pattern PID = Pattern.compile("(\\S+) (?:registered|started): pid (\\d+)");
    private static final Pattern GRANDCHILD = Pattern.compile("^(\\S+) +\\| grandchild pid (\\d+)$");
    private static final Duration EXIT = Duration.ofSeconds(60);
    /** How long a process may take to end once it should: generous for a loaded 2-vCPU machine. */
    private static final long END_SECONDS = 20;

    @TempDir
    Path specs;
    private final List<Cli> clis = new ArrayList<>();

    private Cli cli(final String name, final String... jvmOptions) {
        final Cli cli = new Cli(name, jvmOptions);
        clis.add(cli);
        return cli;
    }

    @AfterEach
    void tearDown() {
        clis.forEach(Cli::close);
    }

    private Path spec(final String text) throws Exception {
        final Path file = Files.createTempFile(specs, "group", ".toml");
        Files.writeString(file, text);
        return file;
    }

    private static List<Long> pids(final Cli.Running launch, final Pattern pattern) {
        final List<Long> pids = new ArrayList<>();
        for (final String line : launch.stdoutLines()) {
            final Matcher m = pattern.matcher(line);
            if (m.find()) {
                pids.add(Long.parseLong(m.group(2)));
            }
        }
        return pids;
    }

    private static void assertEnds(final long pid, final String what) throws Exception {
        final ProcessHandle p = ProcessHandle.of(pid).orElse(null);
        if (p == null) {
            return;
        }
        try {
            p.onExit().get(END_SECONDS, TimeUnit.SECONDS);
        } catch (final TimeoutException e) {
            p.destroyForcibly();
            fail(what + " (pid " + pid + ") still runs " + END_SECONDS + " s after it should have ended");
        }
    }

    /** Item 10: 64 MiB without a newline neither kills the output thread nor hides the member's exit. */
    @Test
    void aMemberPrintingAnEndlessLineIsPumpedInPiecesAndItsExitReported() throws Exception {
        final Cli cli = cli("endlessLine", "-Xmx48m");
        final Path spec = spec("on-failure = \"continue\"\n[[member]]\nname = \"a\"\nmain = \"" + MEMBER + "\"\n[[member]]\nname = \"flood\"\nmain = \"" + MEMBER + "\"\n"
            + "args = [\"flood\", \"64\", \"3\"]\nready = \"started\"\norder = 1\n");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("flood (pid ");
        final String died = launch.awaitLine("died: exit code 3");
        assertTrue(died.contains("flood (pid "), launch::toString);
        assertTrue(launch.stdoutLines().stream().anyMatch(l -> l.startsWith("flood + ") && l.endsWith("END")), "the line's last piece");
        assertTrue(launch.stdoutLines().stream().filter(l -> l.startsWith("flood ")).allMatch(l -> l.length() <= 8192 + 8),
            "every piece bounded");
        launch.awaitLine("flood failed for good");

        launch.signal("TERM");
        assertEquals(1, launch.awaitExit(EXIT), launch::toString);
        assertTrue(launch.stdout().contains("stop requested"), launch::toString);
        assertTrue(launch.stdout().contains("shutdown vector 0 to a"), launch::toString);
        assertFalse(launch.stderr().contains("OutOfMemoryError"), launch::toString);
        assertTrue(cli.groupsLeft().isEmpty());
    }

    /**
     * Item 11 and 13(a): a member's exit is reported from its process, although a child it started holds its
     * output open; what members started ends with them, at their exit and at the stop.
     */
    @Test
    void anExitIsReportedAtOnceThoughAChildHoldsTheOutputAndChildrenEndWithTheirMember() throws Exception {
        final Cli cli = cli("childHoldsOutput");
        final Path spec = spec("[[member]]\nname = \"stayer\"\nmain = \"" + MEMBER + "\"\nargs = [\"grandchild\"]\n[[member]]\nname = \"leaver\"\nmain = \"" + MEMBER + "\"\n"
            + "args = [\"grandchild\", \"exit-before-join\", \"3\"]\nready = \"started\"\nrestart = \"on-failure:1\"\norder = 1\n");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("leaver (pid ");
        launch.awaitLine("restarting leaver (restart 1 of 1)");
        launch.awaitLine("died: exit code 3", 2);
        launch.awaitLine("leaver failed for good");
        assertEquals(1, launch.awaitExit(EXIT), launch::toString);
        assertTrue(launch.stdout().contains("shutdown vector 0 to stayer"), launch::toString);

        final List<Long> grandchildren = pids(launch, GRANDCHILD);
        assertEquals(3, grandchildren.size(), launch::toString);
        for (final long pid : grandchildren) {
            assertEnds(pid, "a member's child");
        }
        for (final long pid : pids(launch, PID)) {
            assertEnds(pid, "a member");
        }
        assertTrue(cli.groupsLeft().isEmpty());
    }

    /** Item 13(b): SIGKILL of the launcher ends every member, a never-joining one and members' children included. */
    @Test
    void everyMemberAndItsChildrenEndWhenTheLauncherIsKilled() throws Exception {
        final Cli cli = cli("launcherKilled");
        final Path spec = spec("[[member]]\nname = \"keeper\"\nmain = \"" + MEMBER + "\"\nargs = [\"grandchild\"]\n[[member]]\nname = \"lazy\"\nmain = \"" + MEMBER + "\"\n"
            + "args = [\"never-join\"]\nready = \"started\"\n");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("all 2 members ready");
        launch.awaitLine("grandchild pid");
        final List<Long> members = pids(launch, PID);
        final List<Long> grandchildren = pids(launch, GRANDCHILD);
        assertEquals(2, members.size(), launch::toString);

        launch.signal("KILL");
        launch.awaitExit(EXIT);
        for (final long pid : members) {
            assertEnds(pid, "a member");
        }
        assertEnds(grandchildren.get(0), "a member's child");
    }
}
