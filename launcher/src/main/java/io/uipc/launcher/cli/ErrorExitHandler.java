package io.uipc.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a uipc command fails: one line on stderr, {@code uipc COMMAND: message}, and exit code 2 for
 * bad usage found after parsing ({@code UsageException}, {@link IllegalArgumentException}) or 1
 * for any other failure. With {@code --verbose} (an option of the top command) the stack trace
 * follows; without it, bad usage points at the command's help. The top command installs it, so
 * every subcommand fails the same way whichever module declares it.
 */
public final class ErrorExitHandler implements IExecutionExceptionHandler {
    /** Creates the handler; it keeps no state. */
    public ErrorExitHandler() {
    }

    /**
     * Prints the error and chooses the exit code.
     *
     * @param e           what the command threw
     * @param cmd         the command that threw it
     * @param parseResult the parsed command line
     * @return the exit code: 2 for bad usage, 1 otherwise
     */
    @Override
    public int handleExecutionException(final Exception e, final CommandLine cmd, final ParseResult parseResult) {
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
    }

    private static String message(final Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
