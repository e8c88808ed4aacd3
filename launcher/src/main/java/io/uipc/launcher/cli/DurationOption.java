package io.uipc.launcher.cli;

import io.uipc.launcher.spec.SpecDurations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** Converts a duration option as the spec writes durations ({@link SpecDurations}): a number with {@code ms}, {@code s} (the default) or {@code m}, up to 24 hours. */
public final class DurationOption implements ITypeConverter<Duration> {
    /** Creates the converter; picocli calls it. */
    public DurationOption() {
    }

    @Override
    public Duration convert(final String value) {
        try {
            return SpecDurations.parse(value);
        } catch (final IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
