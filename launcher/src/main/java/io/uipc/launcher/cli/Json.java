package io.uipc.launcher.cli;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's JSON documents, written by jackson-jr. Every document is one object on one line that
 * starts with {@code version} ({@link #SCHEMA_VERSION}, raised when a field changes meaning or
 * goes away; new fields do not raise it) and {@code timestamp} (ISO-8601, UTC, milliseconds).
 * JSON has no NaN or infinity: such a number is written as {@code null}.
 */
final class Json {
    /** The version of the CLI's JSON documents (docs/launcher.md lists their fields). */
    static final int SCHEMA_VERSION = 1;
    /** Writes null fields too: a field that is null (not measured, none) is still there. */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    /**
     * Starts a document.
     *
     * @param at the time the document describes
     * @return a mutable, ordered map holding {@code version} and {@code timestamp}
     */
    static Map<String, Object> document(final Instant at) {
        final Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", SCHEMA_VERSION);
        doc.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        return doc;
    }

    /**
     * Writes a value.
     *
     * @param value Strings, Numbers, Booleans, Maps (string keys, order kept), Lists and nulls
     * @return its JSON text, on one line
     */
    static String write(final Object value) {
        try {
            return WRITER.asString(finite(value));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static Object finite(final Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (value instanceof Map<?, ?> map) {
            final Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k.toString(), finite(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            final List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(finite(v)));
            return copy;
        }
        return value;
    }
}
