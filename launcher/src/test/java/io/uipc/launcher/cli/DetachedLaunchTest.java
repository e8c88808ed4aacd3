package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import io.uipc.testing.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code uipc launch --detach} and {@code uipc stop}, with real launcher and member JVMs. */
@Timeout(180)
class DetachedLaunchTest {
    private static final Pattern UP = Pattern.compile("group (\\S+) is up: launcher pid (\\d+), log (\\S+)");
    private static final Duration GONE = Duration.ofSeconds(30);
    @TempDir
    Path temp;
    private Cli cli;
    private final List<ProcessHandle> leftovers = new ArrayList<>();

    @BeforeEach
    void setUp(final TestInfo info) {
        // a command line longer than a page, as a JVM's class path often is: ProcessHandle.Info gives no arguments for those
        cli = new Cli(info.getTestMethod().orElseThrow().getName(), "-Duipc.test.padding=" + "x".repeat(8192));
    }

    @AfterEach
    void tearDown() {
        for (final ProcessHandle p : leftovers) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        cli.close();
    }

    /** Launches detached.toml detached; returns the launcher, whose members are its children. */
    private ProcessHandle launchDetached(final Path spec) throws Exception {
        final Cli.Running r = cli.run("launch", spec.toString(), "--detach");
        assertEquals(0, r.exitCode(), r::toString);
        final Matcher m = UP.matcher(r.stdout());
        assertTrue(m.find(), r::toString);
        assertEquals("detached", m.group(1));
        assertEquals(spec.resolveSibling("detached.launch.log").toString(), m.group(3));
        final ProcessHandle launcher = ProcessHandle.of(Long.parseLong(m.group(2))).orElseThrow();
        leftovers.add(launcher);
        assertTrue(r.stdout().contains("stop it with: uipc stop detached --dir " + cli.root()), r::toString);
        return launcher;
    }

    private static void awaitGone(final List<ProcessHandle> processes) {
        final long deadline = System.nanoTime() + GONE.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            assertTrue(System.nanoTime() - deadline < 0, () -> "still alive: " + processes.stream().filter(ProcessHandle::isAlive).toList());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void detachReturnsOnceUpAndStopEndsEverything() throws Exception {
        final Path spec = LaunchErgonomicsTest.spec(temp, "detached.toml");
        final ProcessHandle launcher = launchDetached(spec);
        assertTrue(launcher.isAlive());
        final List<ProcessHandle> members = launcher.children().toList();
        assertEquals(2, members.size(), members::toString);

        Cli.Running r = cli.run("ps", "detached");
        assertEquals(0, r.exitCode(), r::toString);
        for (final ProcessHandle m : members) {
            assertTrue(r.stdout().lines().anyMatch(l -> l.matches(" *\\d+ +\\d+ +" + m.pid() + " [ab] .* active .*")), r::toString);
        }
        final String log = Files.readString(spec.resolveSibling("detached.launch.log"));
        assertTrue(log.contains("all 2 members ready"), log);

        r = cli.run("stop", "detached");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().startsWith("stopped group detached: launcher pid " + launcher.pid() + " and its 2 members have exited in "),
            r::toString);
        assertFalse(launcher.isAlive());
        assertTrue(members.stream().noneMatch(ProcessHandle::isAlive), members::toString);
        assertEquals(List.of(), cli.groupsLeft(), "the group and the launcher record are gone");
        assertTrue(Files.readString(spec.resolveSibling("detached.launch.log")).contains("group detached destroyed"));

        r = cli.run("stop", "detached");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc stop: no detached launcher runs group detached"), r::toString);
    }

    @Test
    void membersEndWhenTheDetachedLauncherIsKilled() throws Exception {
        final ProcessHandle launcher = launchDetached(LaunchErgonomicsTest.spec(temp, "detached.toml"));
        final List<ProcessHandle> members = launcher.children().toList();
        assertEquals(2, members.size(), members::toString);
        Signal.KILL.send(launcher.pid());
        awaitGone(members);
        final Cli.Running r = cli.run("stop", "detached");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc stop: no detached launcher runs group detached: its record names pid " + launcher.pid()
            + ", which is gone or now another process (not signalled); stale record removed"), r::toString);
        assertEquals(0, cli.run("destroy", "detached", "--force").exitCode());
    }

    @Test
    void aLauncherThatDoesNotStopInTimeIsKilledAndItsMembersEnd() throws Exception {
        final Cli.Running launch = cli.run("launch", LaunchErgonomicsTest.spec(temp, "stubborn.toml").toString(), "--detach");
        assertEquals(0, launch.exitCode(), launch::toString);
        final Matcher m = UP.matcher(launch.stdout());
        assertTrue(m.find(), launch::toString);
        final ProcessHandle launcher = ProcessHandle.of(Long.parseLong(m.group(2))).orElseThrow();
        leftovers.add(launcher);
        final List<ProcessHandle> members = launcher.children().toList();
        assertEquals(1, members.size(), members::toString);
        final Cli.Running r = cli.run("stop", "stubborn", "--timeout", "1s");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("uipc stop: group stubborn did not stop within 1000 ms: sending SIGKILL to launcher pid " + launcher.pid(),
            "uipc stop: group stubborn: launcher pid " + launcher.pid() + " killed after 1000 ms; its members have ended (see its log "
                + m.group(3) + ")"), r.stderr().lines().toList());
        assertFalse(launcher.isAlive());
        assertTrue(members.stream().noneMatch(ProcessHandle::isAlive), members::toString);
        assertFalse(Files.exists(cli.root().resolve(".stubborn.launcher")));
        assertEquals(0, cli.run("destroy", "stubborn", "--force").exitCode());
    }

    @Test
    void stopOfAGroupWithoutALauncherFails() throws Exception {
        assertEquals(0, cli.run("create", "plain").exitCode());
        final Cli.Running r = cli.run("stop", "plain");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("uipc stop: no detached launcher runs group plain (no record " + cli.root().resolve(".plain.launcher") + ")", r.stderr());
    }

    @Test
    void aStaleRecordNamingAnotherProcessIsNotSignalled() throws Exception {
        final Process other = new ProcessBuilder("sleep", "600").start();
        leftovers.add(other.toHandle());
        final long start = other.toHandle().info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        final Path record = cli.root().resolve(".g.launcher");
        Files.writeString(record, other.pid() + "\n" + start + "\n/tmp/none.log\n");
        final Cli.Running r = cli.run("stop", "g");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("its record names pid " + other.pid() + ", which is gone or now another process (not signalled)"),
            r::toString);
        assertTrue(other.isAlive(), "the other process was not signalled");
        assertFalse(Files.exists(record), "stale record removed");
    }

    @Test
    void aLauncherThatFailsBeforeTheGroupIsUpIsReportedInOneLine() throws Exception {
        final Cli.Running r = cli.run("launch", LaunchErgonomicsTest.spec(temp, "detached-fails.toml").toString(), "--detach");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.stderr().lines().count(), r::toString);
        assertTrue(r.stderr().startsWith("uipc launch: m (io.uipc.launcher.testapp.ScriptedMember) exited with code 3 before it registered"),
            r::toString);
        assertTrue(r.stderr().contains("(detached launcher pid "), r::toString);
        assertFalse(Files.exists(cli.root().resolve(".fails.launcher")));
        assertEquals(List.of(), cli.groupsLeft());
    }
}
