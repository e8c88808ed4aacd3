package io.uipc.launcher.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts a duration option as the spec writes durations: a number with {@code ms}, {@code s} (the default) or {@code m}, up to 24 hours. */
public final class DurationOption implements ITypeConverter<Duration> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m)?");
    private static final Duration MAX = Duration.ofHours(24);

    /** Creates the converter; picocli calls it. */
    public DurationOption() {
    }

    @Override
    public Duration convert(final String value) {
        final Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: use a number with ms, s or m, e.g. 10s");
        }
        final long n = Long.parseLong(m.group(1));
        final String unit = m.group(2) == null ? "s" : m.group(2);
        final Duration d = unit.equals("ms") ? Duration.ofMillis(n) : unit.equals("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
        if (d.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than 24 hours");
        }
        return d;
    }
}
