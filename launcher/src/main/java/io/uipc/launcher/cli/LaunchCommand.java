package io.uipc.launcher.cli;

import io.uipc.core.Backends;
import io.uipc.launcher.GroupLauncher;
import io.uipc.launcher.LaunchOptions;
import io.uipc.launcher.LaunchPlan;
import io.uipc.launcher.spec.LaunchSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code uipc launch}: starts a group from a spec file and supervises it until it stops. */
@Command(name = "launch", mixinStandardHelpOptions = true, description = {
    "Start a group from a spec file and supervise it until Ctrl-C or SIGTERM.",
    "The spec format is in docs/launcher.md. Waits until each member is registered, restarts members per "
        + "policy and reports each death. To stop, sends the shutdown vector (0), waits the grace period, "
        + "kills stragglers and removes a temporary group.",
    "--detach returns once the group is up and leaves the launcher supervising it in the background; "
        + "'uipc stop GROUP' stops it.",
    "Exit code 0 if no member failed, 1 otherwise."})
public final class LaunchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Group spec file.")
    Path specFile;
    @Option(names = "--group", paramLabel = "G", description = "Launch into this existing group instead of a temporary one.")
    String group;
    @Mixin
    GroupDir dir;
    @Option(names = "--classpath", paramLabel = "CP", description = "Extra class path for the members' main classes.")
    String classPath;
    @Option(names = "--backend", paramLabel = "B", converter = BackendName.class, completionCandidates = BackendName.class,
        description = "Backend of the temporary group (default: ${DEFAULT-VALUE}).")
    String backend = Backends.AUTO;
    @Option(names = "--workdir", paramLabel = "DIR",
        description = "Members' working directory, where relative paths in the spec's args resolve (default: the spec file's directory).")
    Path workDir;
    @Option(names = "--dry-run", description = "Check the spec, its main classes and capacities, print the plan; start nothing.")
    boolean dryRun;
    @Option(names = "--detach", description = "Return once the group is up; the launcher supervises on in the background.")
    boolean detach;
    @Option(names = "--log", paramLabel = "FILE",
        description = "Log of the detached launcher (default: GROUP.launch.log in the members' working directory).")
    Path log;
    /** Set only on the command line of a detached launcher, which {@link DetachedLaunch} starts: the group it runs. */
    @Option(names = LauncherRecord.DAEMON_OPTION, paramLabel = "GROUP", hidden = true)
    String daemonGroup;
    @Spec
    CommandSpec command;

    /** Creates the command; picocli sets its options. */
    public LaunchCommand() {
    }

    @Override
    public Integer call() {
        if (dryRun && detach) {
            throw new UsageException("--dry-run and --detach exclude each other");
        }
        if (log != null && !detach && daemonGroup == null) {
            throw new UsageException("--log is the log of a detached launch: add --detach");
        }
        final Path work = workDir();
        LaunchSpec spec = SpecArgument.parse(specFile);
        LaunchOptions options = LaunchOptions.defaults().root(dir.root).backend(backend).workDir(work);
        if (group != null) {
            options = options.existingGroup(dir.of(group));
        }
        if (classPath != null) {
            options = options.classPath(List.of(classPath.split(File.pathSeparator)));
        }
        if (dryRun) {
            LaunchPlan.check(spec, options).forEach(System.out::println);
            return 0;
        }
        if (detach) {
            LaunchPlan.check(spec, options);
            return detach(LaunchPlan.groupName(spec, options), work);
        }
        if (daemonGroup != null && group == null && spec.groupName().isEmpty()) {
            spec = new LaunchSpec(spec.source(), Optional.of(daemonGroup), spec.gracePeriod(), spec.readyTimeout(), spec.onFailure(),
                spec.classPath(), spec.entries(), spec.receivers(), spec.uitt(), spec.processes());
        }
        final GroupLauncher launcher = GroupLauncher.of(spec, options);
        Signals.onStop(launcher::requestShutdown);
        if (daemonGroup == null) {
            return launcher.start().supervise();
        }
        launcher.start();
        final LauncherRecord record = LauncherRecord.writeOwn(dir.root, daemonGroup, log);
        try {
            return launcher.supervise();
        } finally {
            record.deleteIfUnchanged();
        }
    }

    /** @return the members' working directory: --workdir, checked, else the spec file's directory */
    private Path workDir() {
        if (workDir == null) {
            final Path parent = specFile.toAbsolutePath().normalize().getParent();
            return parent == null ? Path.of("/") : parent;
        }
        if (!Files.isDirectory(workDir)) {
            throw new UsageException("--workdir " + workDir + ": " + (Files.exists(workDir) ? "not a directory" : "no such directory"));
        }
        return workDir.toAbsolutePath().normalize();
    }

    private int detach(final String name, final Path work) {
        final Optional<LauncherRecord> running = LauncherRecord.read(dir.root, name);
        if (running.isPresent() && running.get().liveLauncher(dir.root, name).isPresent()) {
            throw new io.uipc.core.UipcException("group " + name + " already has a detached launcher (pid " + running.get().pid()
                + ", log " + running.get().log() + "); 'uipc stop " + name + "' stops it");
        }
        final Path logFile = (log != null ? log : work.resolve(name + ".launch.log")).toAbsolutePath();
        final List<String> args = new ArrayList<>(List.of("launch", specFile.toAbsolutePath().toString(),
            "--dir", dir.root.toAbsolutePath().toString(), "--workdir", work.toString(), "--backend", backend,
            "--log", logFile.toString(), LauncherRecord.DAEMON_OPTION, name));
        if (group != null) {
            args.addAll(List.of("--group", group));
        }
        if (classPath != null) {
            args.addAll(List.of("--classpath", classPath));
        }
        final List<String> userArgs = command.root().commandLine().getParseResult().originalArgs();
        return new DetachedLaunch(dir.root, name, logFile).run(userArgs, args, System.out, System.err);
    }
}
