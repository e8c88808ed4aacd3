package io.uipc.cli;

import io.uipc.launcher.cli.BackendsCommand;
import io.uipc.launcher.cli.ConvertSpecCommand;
import io.uipc.launcher.cli.CreateCommand;
import io.uipc.launcher.cli.DestroyCommand;
import io.uipc.launcher.cli.ErrorExitHandler;
import io.uipc.launcher.cli.JvmFlagsCommand;
import io.uipc.launcher.cli.LaunchCommand;
import io.uipc.launcher.cli.LsCommand;
import io.uipc.launcher.cli.MetricsCommand;
import io.uipc.launcher.cli.PsCommand;
import io.uipc.launcher.cli.ReapCommand;
import io.uipc.launcher.cli.RotateSecretCommand;
import io.uipc.launcher.cli.SendCommand;
import io.uipc.launcher.cli.StopCommand;
import io.uipc.launcher.cli.TopCommand;
import io.uipc.launcher.cli.UipcCommandLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uipc}: the command line of user-interrupt IPC. Exit codes: 0 success, 1 failure,
 * 2 bad usage. Errors are one line on stderr; {@code --verbose} adds the stack trace
 * ({@link ErrorExitHandler}). The commands on groups come from the launcher; {@code bench} and
 * {@code demo}, which need the benchmarks and the examples, are this module's; {@code help} and
 * {@code generate-completion} are Picocli's ({@link UipcCommandLine}).
 */
@Command(name = "uipc", mixinStandardHelpOptions = true, versionProvider = UipcVersion.class,
    description = {"User-interrupt IPC for the JVM: create and inspect process groups, launch and supervise them, "
        + "send interrupts.", "'uipc help COMMAND' or 'uipc COMMAND --help' describes a command."},
    subcommands = {CreateCommand.class, DestroyCommand.class, LsCommand.class, PsCommand.class, TopCommand.class,
        MetricsCommand.class, SendCommand.class, LaunchCommand.class, StopCommand.class, ReapCommand.class,
        RotateSecretCommand.class, ConvertSpecCommand.class, BackendsCommand.class, JvmFlagsCommand.class,
        BenchCommand.class, DemoCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure (missing group, unknown or dead target, a member failed...)", "2:bad usage"})
public final class UipcCommand {
    /** Read by the execution exception handler from the parsed arguments. */
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    private UipcCommand() {
    }

    /**
     * Runs a command line and exits with its exit code.
     *
     * @param args command line
     */
    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command line without exiting, for tests and embedding.
     *
     * @param args command line
     * @return the exit code
     */
    public static int run(final String... args) {
        return commandLine().execute(args);
    }

    /** {@return a fresh command line as {@link #run} executes it, for tests that look at its model or run it} */
    static CommandLine commandLine() {
        return UipcCommandLine.of(new UipcCommand());
    }
}
