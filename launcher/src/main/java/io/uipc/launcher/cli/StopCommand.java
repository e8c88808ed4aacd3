package io.uipc.launcher.cli;

import io.uipc.core.UipcException;
import io.uipc.table.GroupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code uipc stop}: stops the group that a detached launch ({@code uipc launch --detach}) runs,
 * as Ctrl-C stops a launch in the foreground: SIGTERM to the verified launcher, which sends the
 * shutdown vector, waits its grace period and removes a temporary group; then waits until the
 * launcher and every member it started have exited. After {@code --timeout}, SIGKILL to the
 * launcher (its members then end themselves: their stdin pipe closes).
 */
@Command(name = "stop", mixinStandardHelpOptions = true, description = {
    "Stop a group started with 'uipc launch --detach': SIGTERM to its launcher, which stops the members in order; "
        + "then wait until the launcher and its members have exited. After --timeout, SIGKILL to the launcher.",
    "Exit code 0 if the group stopped in time, 1 if no detached launcher runs it or it had to be killed."})
public final class StopCommand implements Callable<Integer> {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long members get to end themselves after their launcher was killed. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Option(names = "--timeout", paramLabel = "T", converter = DurationOption.class, defaultValue = "10s",
        description = "How long the launcher gets to stop the group before SIGKILL (default: ${DEFAULT-VALUE}).")
    Duration timeout;
    @Mixin
    GroupDir dir;

    /** Creates the command; picocli sets its options. */
    public StopCommand() {
    }

    @Override
    public Integer call() {
        GroupSpec.checkName(group);
        final Optional<LauncherRecord> record = LauncherRecord.read(dir.root, group);
        if (record.isEmpty()) {
            throw new UipcException("no detached launcher runs group " + group + " (no record " + LauncherRecord.path(dir.root, group) + ")");
        }
        final Optional<ProcessHandle> found = record.get().liveLauncher(dir.root, group);
        if (found.isEmpty()) {
            record.get().deleteIfUnchanged();
            throw new UipcException("no detached launcher runs group " + group + ": its record names pid " + record.get().pid()
                + ", which is gone or now another process (not signalled); stale record removed");
        }
        final ProcessHandle launcher = found.get();
        final List<ProcessHandle> members = launcher.children().toList();
        final long t0 = System.nanoTime();
        launcher.destroy();
        if (awaitGone(launcher, members, t0 + timeout.toNanos())) {
            System.out.println("stopped group " + group + ": launcher pid " + launcher.pid() + " and its " + members.size()
                + " members have exited in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms (log " + record.get().log() + ")");
            return 0;
        }
        System.err.println("uipc stop: group " + group + " did not stop within " + timeout.toMillis() + " ms: sending SIGKILL to launcher pid "
            + launcher.pid());
        launcher.destroyForcibly();
        if (!awaitGone(launcher, members, System.nanoTime() + AFTER_KILL.toNanos())) {
            throw new UipcException("group " + group + ": launcher pid " + launcher.pid() + " killed, but members still run after "
                + AFTER_KILL.toSeconds() + " s: " + members.stream().filter(ProcessHandle::isAlive).map(p -> Long.toString(p.pid())).toList());
        }
        record.get().deleteIfUnchanged();
        throw new UipcException("group " + group + ": launcher pid " + launcher.pid() + " killed after " + timeout.toMillis()
            + " ms; its members have ended (see its log " + record.get().log() + ")");
    }

    /** @return whether the launcher and the members have exited before the deadline */
    private static boolean awaitGone(final ProcessHandle launcher, final List<ProcessHandle> members, final long deadline) {
        while (launcher.isAlive() || members.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
