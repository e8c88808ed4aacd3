package io.uipc.launcher.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The durations of a spec: a number with an optional unit, {@code ms}, {@code s} (the default) or {@code m}. */
public final class SpecDurations {
    /**
     * The longest duration a spec may give. The launcher turns durations into nanosecond deadlines
     * ({@code System.nanoTime() + d.toNanos()}, and sums of them); a day keeps every such sum far
     * from overflowing a long, where an unchecked value would throw only at stop time.
     */
    public static final Duration MAX = Duration.ofHours(24);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    private SpecDurations() {
    }

    /**
     * Parses a duration.
     *
     * @param text a number with an optional unit: {@code ms}, {@code s} (the default) or {@code m}
     * @return the duration, 0 to {@link #MAX}
     * @throws IllegalArgumentException if the text is not a duration or is out of range
     */
    public static Duration parse(final String text) {
        final Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 5s or 2m, got '" + text + "'");
        }
        final String unit = m.group(2) == null ? "s" : m.group(2);
        final Duration d;
        try {
            final long n = Long.parseLong(m.group(1));
            switch (unit) {
                case "ms": d = Duration.ofMillis(n); break;
                case "m": d = Duration.ofMinutes(n); break;
                default: d = Duration.ofSeconds(n); break;
            }
        } catch (final NumberFormatException | ArithmeticException e) {
            throw outOfRange(text);
        }
        if (d.compareTo(MAX) > 0) {
            throw outOfRange(text);
        }
        return d;
    }

    /**
     * Writes a duration as {@link #parse} reads it.
     *
     * @param d a duration of whole milliseconds
     * @return e.g. {@code 2m}, {@code 5s} or {@code 1500ms}
     */
    public static String format(final Duration d) {
        if (d.toMillis() % 60_000 == 0 && !d.isZero()) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1_000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static IllegalArgumentException outOfRange(final String text) {
        return new IllegalArgumentException("duration '" + text + "' out of range: at most " + MAX.toMinutes() + "m (24 hours)");
    }
}
