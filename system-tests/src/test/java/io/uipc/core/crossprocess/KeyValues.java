package io.uipc.core.crossprocess;

import java.util.HashMap;
import java.util.Map;

/** Parses the "key=value key=value" numbers child JVMs report. */
final class KeyValues {
    private KeyValues() {
    }

    static Map<String, Long> parse(final String text) {
        final Map<String, Long> fields = new HashMap<>();
        for (final String field : text.trim().split("\\s+")) {
            final String[] kv = field.split("=", 2);
            if (kv.length == 2) {
                fields.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return fields;
    }
}
