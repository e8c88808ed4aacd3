package io.uipc.examples;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * Parses an example's command line with Picocli into its {@code @Command} options object: {@code --help}
 * prints the usage and exits 0; an unknown option or a bad value is one line on stderr and exit code 2.
 */
public final class ExampleCommand {
    /** Exit code of a command line that cannot be parsed. */
    public static final int USAGE = 2;

    private ExampleCommand() {
    }

    /**
     * Parses the command line, or exits.
     *
     * @param options a {@code @Command} object with {@code @Option} fields and a {@code usageHelp} option
     * @param args    the program arguments
     * @param <T>     its type
     * @return {@code options}, set from {@code args}
     */
    public static <T> T parse(final T options, final String... args) {
        final CommandLine cmd = new CommandLine(options).registerConverter(Duration.class, ExampleCommand::duration);
        try {
            cmd.parseArgs(args);
        } catch (final ParameterException e) {
            final String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.err.println(cmd.getCommandName() + ": " + message + " (see '" + cmd.getCommandName() + " --help')");
            System.exit(USAGE);
        }
        if (cmd.isUsageHelpRequested()) {
            cmd.usage(System.out);
            System.exit(0);
        }
        return options;
    }

    /**
     * Converts a duration option.
     *
     * @param v e.g. {@code 250ms}, {@code 2s} or {@code 1m}
     * @return the duration
     */
    static Duration duration(final String v) {
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
        } catch (final NumberFormatException e) {
            // the message below says what is expected
        }
        throw new TypeConversionException("'" + v + "' is not a duration such as 250ms, 2s or 1m");
    }
}
