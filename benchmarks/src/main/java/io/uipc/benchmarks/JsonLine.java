package io.uipc.benchmarks;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harnesses' JSON lines, written by jackson-jr: one object per line that starts with
 * {@code version} ({@link #SCHEMA_VERSION}, raised when a field changes meaning or goes away) and
 * {@code timestamp} (ISO-8601, UTC, milliseconds). JSON has no NaN or infinity, so a figure that
 * was not measured (or divides by a zero interval) is written as {@code null}.
 */
public final class JsonLine {
    /** The version of the benchmarks' JSON lines. */
    public static final int SCHEMA_VERSION = 1;
    /** Writes null fields too: a figure not measured is still there, as null. */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private JsonLine() {
        fields.put("version", SCHEMA_VERSION);
        fields.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /**
     * Starts a line stamped now.
     *
     * @return a line holding {@code version} and {@code timestamp}
     */
    public static JsonLine start() {
        return new JsonLine();
    }

    /**
     * Adds a field.
     *
     * @param name  its name
     * @param value a String, Boolean, Integer or Long
     * @return this line
     */
    public JsonLine put(final String name, final Object value) {
        fields.put(name, value);
        return this;
    }

    /**
     * Adds a number, rounded.
     *
     * @param name     its name
     * @param value    the figure
     * @param decimals digits kept after the point
     * @return this line; the field is {@code null} if the figure is NaN or infinite
     */
    public JsonLine put(final String name, final double value, final int decimals) {
        if (!Double.isFinite(value)) {
            fields.put(name, null);
        } else if (decimals == 0) {
            fields.put(name, Math.round(value));
        } else {
            final double scale = Math.pow(10, decimals);
            fields.put(name, Math.round(value * scale) / scale);
        }
        return this;
    }

    /** {@return the line's JSON text} */
    @Override
    public String toString() {
        try {
            return WRITER.asString(fields);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
