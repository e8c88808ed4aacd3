package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code uipc launch --workdir}, {@code --dry-run} and the progress line, with the real CLI and real member JVMs. */
@Timeout(180)
class LaunchErgonomicsTest {
    private static final Duration EXIT = Duration.ofSeconds(60);
    @TempDir
    Path temp;
    private Cli cli;

    @BeforeEach
    void setUp(final TestInfo info) {
        cli = new Cli(info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    /** Copies a spec of this test's resources into a directory of its own under the test's temporary directory. */
    static Path spec(final Path temp, final String name) throws Exception {
        final Path dir = Files.createDirectories(temp.resolve("specs"));
        return Files.copy(resource(name), dir.resolve(name));
    }

    private static Path resource(final String name) throws URISyntaxException {
        return Path.of(LaunchErgonomicsTest.class.getResource("/specs/ergonomics/" + name).toURI());
    }

    @Test
    void workdirIsWhereMembersRunAndRelativeArgsResolve() throws Exception {
        final Path spec = spec(temp, "touch.toml");
        final Path work = Files.createDirectory(temp.resolve("work"));
        final Cli.Running launch = cli.start("launch", spec.toString(), "--workdir", work.toString());
        launch.awaitLine("m registered: pid ");
        assertTrue(Files.exists(work.resolve("made-here")), launch::toString);
        assertFalse(Files.exists(spec.resolveSibling("made-here")), "not in the spec's directory");
        launch.signal("TERM");
        assertEquals(0, launch.awaitExit(EXIT), launch::toString);
    }

    @Test
    void withoutWorkdirMembersRunInTheSpecFilesDirectory() throws Exception {
        final Path spec = spec(temp, "touch.toml");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("m registered: pid ");
        assertTrue(Files.exists(spec.resolveSibling("made-here")), launch::toString);
        launch.signal("TERM");
        assertEquals(0, launch.awaitExit(EXIT), launch::toString);
    }

    @Test
    void aMissingWorkdirOrAFileIsOneUsageLine() throws Exception {
        final Path spec = spec(temp, "touch.toml");
        final Path none = temp.resolve("none");
        Cli.Running r = cli.run("launch", spec.toString(), "--workdir", none.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("uipc launch: --workdir " + none + ": no such directory (see 'uipc help launch')", r.stderr());
        r = cli.run("launch", spec.toString(), "--workdir", spec.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("uipc launch: --workdir " + spec + ": not a directory (see 'uipc help launch')", r.stderr());
        assertEquals(List.of(), cli.groupsLeft());
    }

    @Test
    void dryRunPrintsThePlanAndStartsNothing() throws Exception {
        final Path spec = spec(temp, "touch.toml");
        final Cli.Running r = cli.run("launch", spec.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().startsWith("plan of touch.toml (dry run: nothing started)"), r::toString);
        assertTrue(r.stdout().contains("  workdir:     " + spec.getParent()), r::toString);
        assertTrue(r.stdout().contains("    m: io.uipc.launcher.testapp.ScriptedMember, role process, ready = registered, restart = never,"
            + " args: touch made-here"), r::toString);
        assertTrue(r.stdout().contains("ok: 1 members, every main class found; nothing was started"), r::toString);
        assertEquals("", r.stderr());
        assertEquals(List.of(), cli.groupsLeft(), "no group created");
        assertFalse(Files.exists(spec.resolveSibling("made-here")), "no member ran");
    }

    @Test
    void dryRunFailsOnAMissingMainClassOrAGroupWithoutRoom() throws Exception {
        Cli.Running r = cli.run("launch", spec(temp, "missing-main.toml").toString(), "--dry-run");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc launch: missing-main.toml:"), r::toString);
        assertTrue(r.stderr().contains("'main': member m: main class com.example.NoSuchMain not found"), r::toString);
        assertEquals(1, r.stderr().lines().count(), r::toString);

        assertEquals(0, cli.run("create", "small", "--entries", "1").exitCode());
        r = cli.run("launch", spec(temp, "two.toml").toString(), "--group", "small", "--dry-run");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc launch: two.toml: 2 members (m: 2) do not fit group small: it has 1 table entries"), r::toString);
        r = cli.run("ps", "small");
        assertTrue(r.stdout().contains("0 of 1 entries used"), r::toString);
        assertEquals(List.of(cli.root().resolve("small")), cli.groupsLeft());
    }

    @Test
    void aSlowMemberGetsStillWaitingLinesOnStderrUntilItIsReady() throws Exception {
        final Path spec = spec(temp, "await-file.toml");
        final Cli.Running launch = cli.start("launch", spec.toString());
        final String line = launch.awaitErrLine("still waiting for m");
        assertEquals("uipc | still waiting for m (2 s)", line);
        assertFalse(launch.stdout().contains("m registered"), launch::toString);
        Files.createFile(spec.resolveSibling("go"));
        launch.awaitLine("m registered: pid ");
        launch.signal("TERM");
        assertEquals(0, launch.awaitExit(EXIT), launch::toString);
        assertTrue(launch.stderr().lines().allMatch(l -> l.startsWith("uipc | still waiting for m (")), launch::toString);
    }
}
