package io.uipc.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uipc}: the command line of user-interrupt IPC. Exit codes: 0 success, 1 failure,
 * 2 bad usage. Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "uipc", mixinStandardHelpOptions = true, version = "uipc 0.1.0",
    description = "User-interrupt IPC for the JVM: create and inspect process groups, launch and supervise them, send interrupts.",
    subcommands = {CreateCommand.class, DestroyCommand.class, LaunchCommand.class, PsCommand.class, SendCommand.class,
        BackendsCommand.class, BenchCommand.class, DemoCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure (missing group, unknown or dead target, a member failed...)", "2:bad usage"})
public final class UipcCommand {
    /** Read by the execution exception handler from the parsed arguments. */
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    /** Creates the top command; picocli sets its options. */
    public UipcCommand() {
    }

    /**
     * Runs the uipc command line and exits with its status.
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
        final CommandLine cli = new CommandLine(new UipcCommand());
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            final boolean verbose = parseResult.expandedArgs().contains("--verbose");
            final int code = e instanceof UsageException || e instanceof IllegalArgumentException ? 2 : 1;
            cmd.getErr().println("uipc " + cmd.getCommandName() + ": " + message(e));
            if (verbose) {
                e.printStackTrace(cmd.getErr());
            } else if (code == 2) {
                cmd.getErr().println("Try 'uipc " + cmd.getCommandName() + " --help' for usage.");
            }
            cmd.getErr().flush();
            return code;
        });
        return cli.execute(args);
    }

    private static String message(final Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
