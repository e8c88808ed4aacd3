package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.ProcessGroup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a member's JVM: the command line ({@link ChildJvm} with the members' class path and the
 * spec's JVM options and arguments, in a session of its own), the environment (the group, the
 * member's name and role, the group's secret, which so never appears in argv, and the launcher's
 * pid), stdin from {@code /dev/null}. A daemon pump per JVM copies its output, labelled, to the
 * console and the member's {@link OutputLog}, then posts its exit to the supervisor.
 */
final class MemberSpawner {
    private static final Path SETSID = Paths.get("/usr/bin/setsid");
    private final ProcessGroup group;
    private final ChildClassPath classPath;
    private final Optional<Path> workDir;
    private final LaunchConsole console;
    private final LaunchEvents events;

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
        final ProcessBuilder pb = new ProcessBuilder(command(p)).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
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
        m.started(process, System.nanoTime());
        final Thread pump = new Thread(() -> pump(m, process), "uipc-output-" + m.name());
        pump.setDaemon(true);
        pump.start();
    }

    private List<String> command(final ProcessSpec p) {
        final List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Own session: a Ctrl-C in the terminal reaches the launcher only, which then stops members in order.
            cmd.add(SETSID.toString());
        }
        cmd.addAll(ChildJvm.command(classPath.value(), p.jvmOptions(), p.mainClass(), p.args()));
        return cmd;
    }

    /** Copies a member's output, labelled with its name, then posts its exit. */
    private void pump(final MemberProcess m, final Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                console.member(m.name(), line);
                m.output().add(line);
            }
        } catch (final IOException e) {
            console.member(m.name(), "(output lost: " + e.getMessage() + ")");
        }
        boolean interrupted = false;
        for (;;) {
            try {
                events.exited(m, process, process.waitFor());
                break;
            } catch (final InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
