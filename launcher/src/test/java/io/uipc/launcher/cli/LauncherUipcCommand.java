package io.uipc.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code uipc} top command with only the launcher's own subcommands, as the cli module's
 * {@code UipcCommand} registers them, so the launcher's end-to-end tests run the real commands
 * and the real {@link UipcCommandLine} conventions without the cli module (which depends on this one).
 */
@Command(name = "uipc", mixinStandardHelpOptions = true,
    subcommands = {CreateCommand.class, DestroyCommand.class, LsCommand.class, PsCommand.class, TopCommand.class,
        MetricsCommand.class, SendCommand.class, LaunchCommand.class, StopCommand.class, ReapCommand.class,
        RotateSecretCommand.class, ConvertSpecCommand.class, BackendsCommand.class, JvmFlagsCommand.class})
public final class LauncherUipcCommand {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    private LauncherUipcCommand() {
    }

    /**
     * Runs a command line and exits with its exit code.
     *
     * @param args command line
     */
    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Builds the command line as {@link #main} runs it, for tests that run commands in-process.
     *
     * @return a fresh command line with the uipc error handling
     */
    public static CommandLine commandLine() {
        return UipcCommandLine.of(new LauncherUipcCommand());
    }
}
