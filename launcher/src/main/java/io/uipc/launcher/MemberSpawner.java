package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a member's JVM: the command line ({@link ChildJvm} with the members' class path and the
 * spec's JVM options and arguments, in a session of its own, through {@link MemberMain}), the
 * environment (the group, the member's name and role, the group's secret, which so never
 * appears in argv, and the launcher's pid), and stdin a pipe that only the launcher holds, which
 * {@link MemberMain} watches to end the member when the launcher is gone.
 *
 * <p>Two daemon threads per JVM: an {@link OutputPump} copies its output, labelled, to the
 * console and the member's {@link OutputLog}; an exit watcher waits for the JVM itself to exit
 * (not for its output to end, which a child it started may hold open), kills what is left of
 * its process group, waits a bounded time for the rest of its output, and posts the exit to the
 * supervisor.
 */
final class MemberSpawner {
    private static final Path SETSID = Paths.get("/usr/bin/setsid");
    /** How long an exit report waits for the rest of the member's output, so it can quote the last line. */
    private static final long OUTPUT_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final ProcessGroup group;
    private final ChildClassPath classPath;
    private final Optional<Path> workDir;
    private final LaunchConsole console;
    private final LaunchEvents events;
    /** Whether members start under setsid, each leading its own process group. */
    private final boolean ownGroups = Files.isExecutable(SETSID);

    /**
     * @param group     the group the members join; its secret is read for each member started
     * @param classPath the members' class path
     * @param workDir   the members' working directory, or empty for the launcher's
     * @param console   where their output goes
     * @param events    where their exits go
     */
    MemberSpawner(final ProcessGroup group, final ChildClassPath classPath, final Optional<Path> workDir, final LaunchConsole console,
                  final LaunchEvents events) {
        this.group = group;
        this.classPath = classPath;
        this.workDir = workDir;
        this.console = console;
        this.events = events;
    }

    /**
     * Starts a JVM for the member, replacing its previous one.
     *
     * @param m the member
     * @throws LaunchException if the JVM cannot be started
     */
    void spawn(final MemberProcess m) {
        final ProcessSpec p = m.spec();
        // stdin stays a pipe (the default): its write end, held by the Process, is the member's lifeline.
        final ProcessBuilder pb = new ProcessBuilder(command(p)).redirectErrorStream(true);
        workDir.ifPresent(dir -> pb.directory(dir.toFile()));
        final Map<String, String> env = pb.environment();
        env.putAll(GroupEnvironment.forChild(group, m.name(), p.role(), group.readSecret()));
        env.put(LaunchedMember.LAUNCHER_PID, Long.toString(ProcessHandle.current().pid()));
        final Process process;
        try {
            process = pb.start();
        } catch (final IOException e) {
            throw new LaunchException("cannot start " + m.name() + ": " + e.getMessage());
        }
        final OutputPump pump = new OutputPump(m.name(), process.getInputStream(), console, m.output());
        m.started(process, pump, ownGroups, System.nanoTime());
        daemon("uipc-output-" + m.name(), pump);
        daemon("uipc-exit-" + m.name(), () -> watchExit(m, process, pump));
    }

    private static void daemon(final String name, final Runnable task) {
        final Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private List<String> command(final ProcessSpec p) {
        final List<String> cmd = new ArrayList<>();
        if (ownGroups) {
            // Own session: a Ctrl-C in the terminal reaches the launcher only, which then stops members in order;
            // and its own process group, which the launcher signals as a whole.
            cmd.add(SETSID.toString());
        }
        final List<String> args = new ArrayList<>();
        args.add(p.mainClass());
        args.addAll(p.args());
        cmd.addAll(ChildJvm.command(classPath.value(), p.jvmOptions(), MemberMain.class.getName(), args));
        return cmd;
    }

    /** Waits for the JVM to exit, ends the rest of its process group, then posts its exit. */
    private void watchExit(final MemberProcess m, final Process process, final OutputPump pump) {
        boolean interrupted = false;
        int code;
        for (;;) {
            try {
                code = process.waitFor();
                break;
            } catch (final InterruptedException e) {
                interrupted = true;
            }
        }
        if (ownGroups) {
            // What the member started dies with it, as systemd's KillMode=control-group does for a service.
            UnixProcessGroup.signal(process.pid(), UnixProcessGroup.SIGKILL);
        }
        try {
            pump.awaitEnd(OUTPUT_DRAIN_NANOS);
        } catch (final InterruptedException e) {
            interrupted = true;
        }
        events.exited(m, process, code);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
