package io.uipc.launcher.cli;

import io.uipc.launcher.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a uipc command fails: one line on stderr, {@code uipc COMMAND: message}, and exit code 2 for
 * bad usage (a command line Picocli cannot parse, {@code UsageException}, {@link IllegalArgumentException}),
 * ending with a pointer to the command's help ({@code (see 'uipc help COMMAND')}), or 1 for any other
 * failure. Picocli's parse errors are reworded in the project's style: lower case, no full stop, an unknown
 * command or option named as such even when a required parameter is missing too. Control characters in the
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
        print(cmd, parseMessage(e), true);
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static void print(final CommandLine cmd, final String message, final boolean usage) {
        final String name = cmd.getParent() == null ? "" : " " + cmd.getCommandName();
        cmd.getErr().println(TerminalText.escapeControls("uipc" + name + ": " + message + (usage ? " (see 'uipc help" + name + "')" : "")));
    }

    /** Picocli's message in the project's style; an unknown word first, as it is the likelier mistake. */
    private static String parseMessage(final ParameterException e) {
        final List<String> unmatched = e instanceof UnmatchedArgumentException ? ((UnmatchedArgumentException) e).getUnmatched()
            : e.getCommandLine().getUnmatchedArguments();
        if (unmatched.isEmpty()) {
            final String message = message(e);
            final String text = (message.endsWith(".") ? message.substring(0, message.length() - 1) : message)
                .replaceFirst("^Unknown subcommand ", "unknown command ");
            return text.length() > 1 && Character.isLowerCase(text.charAt(1)) ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
                : text;
        }
        final String word = unmatched.get(0);
        final CommandLine cmd = e.getCommandLine();
        final String what = word.startsWith("-") && word.length() > 1 ? "option"
            : cmd.getCommandSpec().positionalParameters().isEmpty() && !cmd.getSubcommands().isEmpty() ? "command" : "argument";
        return (what.equals("argument") ? "unexpected argument '" : "unknown " + what + " '") + word + "'";
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
