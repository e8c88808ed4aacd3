package io.uipc.launcher.cli;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parses the CLI's JSON with jackson-jr for tests, and checks the fields every document has. */
final class JsonParse {
    private JsonParse() {
    }

    /**
     * Parses one document and checks its {@code version} and {@code timestamp}.
     *
     * @param text one JSON object
     * @return its fields
     */
    static Map<String, Object> document(final String text) {
        final Map<String, Object> doc;
        try {
            doc = JSON.std.mapFrom(text);
        } catch (final IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
        assertEquals(Json.SCHEMA_VERSION, doc.get("version"), text);
        final Instant at = Instant.parse((String) doc.get("timestamp"));
        assertTrue(Math.abs(at.toEpochMilli() - System.currentTimeMillis()) < 600_000, () -> "timestamp far off: " + text);
        return doc;
    }

    /**
     * A list field.
     *
     * @param doc  a document
     * @param name the field
     * @return its maps
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(final Map<String, Object> doc, final String name) {
        return (List<Map<String, Object>>) doc.get(name);
    }

    /**
     * The member of a name in a document's {@code members}.
     *
     * @param doc  a ps or top document
     * @param name a member name
     * @return its fields
     */
    static Map<String, Object> member(final Map<String, Object> doc, final String name) {
        return list(doc, "members").stream().filter(m -> name.equals(m.get("name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no member " + name + " in " + doc));
    }

    /**
     * A number field.
     *
     * @param m    fields
     * @param name the field
     * @return its value as a double
     */
    static double number(final Map<String, Object> m, final String name) {
        return ((Number) m.get(name)).doubleValue();
    }
}
