package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import io.uipc.launcher.testapp.ScriptedMember;
import io.uipc.table.GroupFileNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uipc launch} when a file of its group is truncated or replaced under it and its members
 * (issue 11 item 9): the launcher reports the file in one line, stops its members (a member that
 * survives the loss is sent SIGTERM), and exits 1; no stack trace anywhere. Before the fix the
 * launcher's and the members' liveness threads died with an {@code InternalError} stack trace,
 * the members ran on, and the launcher ran on too.
 */
@Timeout(120)
class FaultedGroupLaunchTest {
    private static final String MEMBER = ScriptedMember.class.getName();
    private static final Pattern PID = Pattern.compile("registered: pid (\\d+)");
    private static final Duration EXIT = Duration.ofSeconds(60);

    @TempDir
    Path specs;
    private Cli cli;

    @BeforeEach
    void setUp(final TestInfo info) {
        cli = new Cli(info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void truncatedTableStopsTheLaunch() throws Exception {
        final Cli.Running launch = launch("");
        final Path table = groupDir().resolve(GroupFileNames.TABLE);
        final long damaged = System.nanoTime();
        try (FileChannel ch = FileChannel.open(table, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        assertStoppedWithOneLine(launch, damaged, "process table " + table + " was truncated to 0 bytes");
    }

    @Test
    void truncatedDomainStopsTheLaunchAndAMemberThatSurvivesTheLossIsTerminated() throws Exception {
        final Cli.Running launch = launch("survive-loss");
        final Path domain = groupDir().resolve(GroupFileNames.DOMAIN);
        final long damaged = System.nanoTime();
        assertEquals(0, new ProcessBuilder("truncate", "-s", "4096", domain.toString()).inheritIO().start().waitFor());
        assertStoppedWithOneLine(launch, damaged, "interrupt domain " + domain + " was truncated to 4096 bytes");
        assertTrue(launch.stdout().contains("SIGTERM to m"), launch::toString);
    }

    @Test
    void replacedTableStopsTheLaunch() throws Exception {
        final Cli.Running launch = launch("");
        final Path table = groupDir().resolve(GroupFileNames.TABLE);
        final Path copy = table.resolveSibling("table.copy");
        Files.copy(table, copy);
        final long damaged = System.nanoTime();
        Files.move(copy, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertStoppedWithOneLine(launch, damaged, "process table " + table + " was replaced");
    }

    private Cli.Running launch(final String args) throws Exception {
        final Path spec = Files.writeString(Files.createTempFile(specs, "group", ".toml"),
            "grace-period = \"2s\"\n[[member]]\nname = \"m\"\nmain = \"" + MEMBER + "\"\nargs = [\"" + String.join("\", \"", args.split(" ")) + "\"]\n");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("all 1 members ready");
        return launch;
    }

    private Path groupDir() {
        final List<Path> groups = cli.groupsLeft();
        assertEquals(1, groups.size(), groups::toString);
        return groups.get(0);
    }

    private static void assertStoppedWithOneLine(final Cli.Running launch, final long damaged, final String what)
        throws InterruptedException, IOException {
        assertEquals(1, launch.awaitExit(EXIT), launch::toString);
        System.out.println("FaultedGroupLaunchTest: launcher exited " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - damaged)
            + " ms after the damage");
        final String all = launch.stdout() + "\n" + launch.stderr();
        assertFalse(all.contains("\tat "), () -> "no stack trace: " + launch);
        assertFalse(all.contains("Exception in thread"), launch::toString);
        final List<String> reports = launch.stdoutLines().stream().filter(l -> l.startsWith("uipc") && l.contains(what)).toList();
        assertEquals(1, reports.size(), launch::toString);
        for (final long pid : memberPids(launch)) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "member pid " + pid + " still runs");
        }
    }

    private static List<Long> memberPids(final Cli.Running launch) {
        final List<Long> pids = launch.stdoutLines().stream().map(PID::matcher).filter(Matcher::find)
            .map(m -> Long.parseLong(m.group(1))).toList();
        assertFalse(pids.isEmpty(), "no member pid seen");
        return pids;
    }
}
