package io.uipc.launcher.cli;

import io.uipc.core.Backends;
import io.uipc.launcher.GroupLauncher;
import io.uipc.launcher.LaunchOptions;
import io.uipc.launcher.spec.LaunchSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code uipc launch}: starts a group from a spec file and supervises it until it stops. */
@Command(name = "launch", mixinStandardHelpOptions = true, description = {
    "Start a group from a spec file and supervise it until Ctrl-C or SIGTERM.",
    "The spec format is in docs/launcher.md. Waits until each member is registered, restarts members per "
        + "policy and reports each death. To stop, sends the shutdown vector (0), waits the grace period, "
        + "kills stragglers and removes a temporary group.",
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

    /** Creates the command; picocli sets its options. */
    public LaunchCommand() {
    }

    @Override
    public Integer call() {
        final LaunchSpec spec = SpecArgument.parse(specFile);
        LaunchOptions options = LaunchOptions.defaults().root(dir.root).backend(backend);
        if (group != null) {
            options = options.existingGroup(dir.of(group));
        }
        if (classPath != null) {
            options = options.classPath(List.of(classPath.split(File.pathSeparator)));
        }
        final GroupLauncher launcher = GroupLauncher.of(spec, options);
        Signals.onStop(launcher::requestShutdown);
        return launcher.start().supervise();
    }
}
