package io.uipc.launcher.cli;

import io.uipc.launcher.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How a uipc command fails: one line on stderr, {@code uipc COMMAND: message}, and exit code 2 for
 * bad usage (a command line Picocli cannot parse, {@code UsageException}, {@link IllegalArgumentException}),
 * ending with a pointer to the command's help, or 1 for any other failure. Control characters in the
 * message (a group name or path typed with an escape sequence, a member name) are shown escaped
 * ({@link TerminalText#escapeControls}), so the line cannot take over the terminal or become two lines.
 * With {@code --verbose} (an option of the top command) the stack trace of a failure follows. The top
 * command {@link #install installs} it, so every subcommand fails the same way whichever module declares it.
 */
public final class ErrorExitHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Creates the handler; it keeps no state. */
    public ErrorExitHandler() {
    }

    /**
     * Makes a command line fail the uipc way, both while parsing and while running.
     *
     * @param commandLine the top command's command line
     * @return the same command line
     */
    public static CommandLine install(final CommandLine commandLine) {
        final ErrorExitHandler handler = new ErrorExitHandler();
        return commandLine.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler)
            .registerConverter(Path.class, ErrorExitHandler::path);
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
        final boolean usage = e instanceof UsageException || e instanceof IllegalArgumentException;
        print(cmd, message(e), usage);
        if (parseResult.expandedArgs().contains("--verbose")) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return usage ? 2 : 1;
    }

    /**
     * Prints a command line that cannot be parsed (unknown option, missing or bad parameter) as one line.
     *
     * @param e    why it cannot be parsed
     * @param args the command line
     * @return the exit code for invalid input: 2
     */
    @Override
    public int handleParseException(final ParameterException e, final String[] args) {
        final CommandLine cmd = e.getCommandLine();
        print(cmd, message(e), true);
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static void print(final CommandLine cmd, final String message, final boolean usage) {
        final String command = cmd.getParent() == null ? "uipc" : "uipc " + cmd.getCommandName();
        cmd.getErr().println(TerminalText.escapeControls(command + ": " + message + (usage ? " (see '" + command + " --help')" : "")));
    }

    /** Converts a path argument; Picocli's own message for a bad one names a Java interface, which helps no one. */
    private static Path path(final String text) {
        try {
            return Path.of(text);
        } catch (final InvalidPathException e) {
            throw new TypeConversionException(message(e));
        }
    }

    private static String message(final Throwable e) {
        if (e instanceof InvalidPathException) {
            final InvalidPathException p = (InvalidPathException) e;
            return "invalid path '" + p.getInput() + "': " + p.getReason();
        }
        if (e instanceof UncheckedIOException) {
            return message(e.getCause());
        }
        if (e instanceof IOException) {
            return io((IOException) e);
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static String io(final IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((AccessDeniedException) e).getFile();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file: " + ((NoSuchFileException) e).getFile();
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getFile() + ": " + ((FileSystemException) e).getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
