package io.uipc.cli;

import io.uipc.core.internal.FileTrees;
import io.uipc.launcher.GroupLauncher;
import io.uipc.launcher.LaunchOptions;
import io.uipc.launcher.MemberProcess;
import io.uipc.launcher.PsTable;
import io.uipc.launcher.cli.GroupDir;
import io.uipc.launcher.cli.Signals;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code uipc demo}: the newcomer's tour. Launches this module's spec {@value #SPEC_RESOURCE},
 * whose members are the examples' programs (a dependency of this module), into a temporary
 * group, with a temporary working directory for the members' files, supervises it until every
 * member has ended by itself, then checks that every member exited 0 and that no process, group
 * directory or working directory is left.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "The tour: the examples' database-style processes in one group, in seconds.",
    "Launches demo.toml, made of the examples' programs, into a temporary group: a monitor printing joins and "
        + "leaves; a log writer group-committing for three foregrounds, which verifies its log file at the end; "
        + "a session blocked in a socket read and then a sleep, each cancelled by a user interrupt from another process.",
    "Every process ends by itself; the demo then checks that all exited 0 and that no process, group directory "
        + "or log directory is left (exit 1 otherwise)."})
final class DemoCommand implements Callable<Integer> {
    /** The demo's spec: a resource of this module. Its leading comment is the demo's introduction. */
    static final String SPEC_RESOURCE = "/io/uipc/cli/demo.toml";
    /** The demo ends by itself in seconds; past this a hung run is stopped and fails. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    @Mixin
    GroupDir dir;

    @Override
    public Integer call() throws IOException {
        final String spec = specText();
        final PrintStream out = System.out;
        final long t0 = System.nanoTime();
        out.println("uipc demo: launching " + SPEC_RESOURCE + " (the examples' programs) into a temporary group:");
        spec.lines().takeWhile(line -> line.startsWith("#")).forEach(line -> out.println("  " + line.replaceFirst("^# ?", "")));
        out.println();
        DemoLeftovers.sweep(dir.root(), Paths.get(System.getProperty("java.io.tmpdir")), out);
        final Path workDir = DemoLeftovers.createWorkDir();
        final GroupLauncher launcher;
        final Path groupDir;
        final int launchCode;
        final AtomicReference<String> stopped = new AtomicReference<>();
        try {
            launcher = GroupLauncher.of(named(SpecParser.parse("demo.toml", spec), DemoLeftovers.groupName()),
                LaunchOptions.defaults().root(dir.root()).workDir(workDir));
            Signals.onStop(() -> stop(launcher, stopped, "stopped by SIGINT or SIGTERM before the end"));
            launcher.start();
            groupDir = launcher.group().directory();
            synchronized (out) {
                out.println();
                out.println("uipc demo: the process table, every member joined (uipc ps " + launcher.group().name() + " --dir " + dir.root() + "):");
                PsTable.print(launcher.group(), out);
                out.println();
            }
            launchCode = superviseWithin(launcher, stopped);
        } finally {
            FileTrees.delete(workDir);
        }
        return report(out, launcher, launchCode, stopped.get(), groupDir, workDir, t0);
    }

    /** @return the spec, its temporary group named so that a later demo can tell it is a leftover ({@link DemoLeftovers}) */
    private static LaunchSpec named(final LaunchSpec s, final String groupName) {
        return new LaunchSpec(s.source(), Optional.of(groupName), s.gracePeriod(), s.readyTimeout(), s.onFailure(), s.classPath(),
            s.entries(), s.receivers(), s.uitt(), s.processes());
    }

    /** Stops the group before its end, keeping the first reason. */
    private static void stop(final GroupLauncher launcher, final AtomicReference<String> stopped, final String why) {
        stopped.compareAndSet(null, why);
        launcher.requestShutdown();
    }

    /** @return the launch's exit code; the group is stopped if it has not ended within {@link #TIME_LIMIT} */
    private static int superviseWithin(final GroupLauncher launcher, final AtomicReference<String> stopped) {
        final CountDownLatch ended = new CountDownLatch(1);
        final Thread watchdog = new Thread(() -> {
            try {
                if (!ended.await(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop(launcher, stopped, "the group had not ended within " + TIME_LIMIT.toSeconds() + " s and was stopped");
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "uipc-demo-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            return launcher.supervise();
        } finally {
            ended.countDown();
        }
    }

    private static int report(final PrintStream out, final GroupLauncher launcher, final int launchCode, final String stopped,
                              final Path groupDir, final Path workDir, final long t0) {
        final List<MemberProcess> members = launcher.members();
        final int width = members.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        out.println();
        out.println("uipc demo: what each process reported last:");
        for (final MemberProcess m : members) {
            final int code = m.exitCode().orElse(-1);
            final List<String> last = m.output().tail(1);
            out.printf("  %-" + width + "s  %s%s%n", m.name(), code == 0 ? "" : "(exit code " + code + ") ",
                last.isEmpty() ? "(nothing)" : last.get(0).strip());
        }
        final long running = members.stream().filter(MemberProcess::isAlive).count();
        final boolean groupLeft = Files.exists(groupDir);
        final boolean workLeft = Files.exists(workDir);
        out.printf("uipc demo: %d processes started, %d still running; group directory %s %s; log directory %s %s; %d ms in all.%n",
            members.size(), running, groupDir, groupLeft ? "STILL EXISTS" : "removed", workDir, workLeft ? "STILL EXISTS" : "removed",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        final List<String> problems = new ArrayList<>(launcher.failures());
        if (stopped != null) {
            problems.add(0, stopped);
        }
        if (launchCode != 0 || running > 0 || groupLeft || workLeft || !problems.isEmpty()) {
            out.println("uipc demo: FAILED" + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
            return 1;
        }
        out.println("uipc demo: OK: every process exited 0 and nothing is left behind.");
        return 0;
    }

    /**
     * @return the demo's spec
     * @throws IOException if it cannot be read
     */
    static String specText() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo's spec " + SPEC_RESOURCE + " is not on the class path: a broken build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
