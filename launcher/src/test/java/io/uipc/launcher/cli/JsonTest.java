package io.uipc.launcher.cli;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's JSON writer: version and timestamp first, NaN and infinities as null, hostile strings escaped. */
class JsonTest {
    @Test
    void nonFiniteNumbersAreNullAndStringsRoundTrip() {
        final Map<String, Object> doc = Json.document(Instant.now());
        doc.put("nan", Double.NaN);
        doc.put("inf", Double.POSITIVE_INFINITY);
        doc.put("neg_inf", Float.NEGATIVE_INFINITY);
        doc.put("rate", 2.5);
        doc.put("nested", List.of(Map.of("x", Double.NaN)));
        final String name = "evil\"\\\n\u001b[2J\u0000";
        doc.put("name", name);
        final String text = Json.write(doc);
        assertEquals(1, text.lines().count(), text);
        final Map<String, Object> parsed = JsonParse.document(text);
        assertTrue(parsed.containsKey("nan"), text);
        assertNull(parsed.get("nan"), text);
        assertNull(parsed.get("inf"), text);
        assertNull(parsed.get("neg_inf"), text);
        assertEquals(2.5, JsonParse.number(parsed, "rate"));
        assertNull(JsonParse.list(parsed, "nested").get(0).get("x"), text);
        assertEquals(name, parsed.get("name"));
        assertEquals(Arrays.asList("version", "timestamp"), List.copyOf(new LinkedHashMap<>(parsed).keySet()).subList(0, 2));
    }
}
