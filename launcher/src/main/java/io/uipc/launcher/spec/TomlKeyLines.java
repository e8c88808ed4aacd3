package io.uipc.launcher.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key of a TOML spec is, for messages: Jackson's TOML reader builds a tree without locations. A light
 * scan of text that is already known to be valid TOML: table headers, {@code key =} at the start of a line, and
 * enough of strings, comments and brackets to skip values (multi-line strings and arrays included). A key is
 * known by its table ({@code ""} for the root, {@code member[2]} for the third {@code [[member]]}) and its name;
 * a dotted key {@code a.b} is also known as {@code a}. Never fails: what it does not recognise has line 0.
 */
final class TomlKeyLines {
    private final Map<String, Integer> keys = new HashMap<>();
    private final Map<String, List<Integer>> arrayTables = new HashMap<>();
    private int duplicate;
    private String table = "";
    private String multiline;
    private int depth;

    private TomlKeyLines() {
    }

    /**
     * @param text a TOML document
     * @return the lines of its keys
     */
    static TomlKeyLines of(final String text) {
        final TomlKeyLines lines = new TomlKeyLines();
        final String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            lines.scan(all[i], i + 1);
        }
        return lines;
    }

    /**
     * @param tableName {@code ""} for the root, or e.g. {@code member[0]}
     * @param key       a key of that table
     * @return its line, or 0 if unknown
     */
    int line(final String tableName, final String key) {
        return keys.getOrDefault(tableName + '\0' + key, 0);
    }

    /**
     * @param name  an array of tables, e.g. {@code member}
     * @param index which of them
     * @return the line of its {@code [[name]]} header, or 0 if unknown
     */
    int header(final String name, final int index) {
        final List<Integer> headers = arrayTables.getOrDefault(name, List.of());
        return index < headers.size() ? headers.get(index) : 0;
    }

    /** @return the line of the first key set twice in one table, or 0 */
    int duplicate() {
        return duplicate;
    }

    private void scan(final String line, final int lineNo) {
        int i = 0;
        if (multiline != null) {
            i = close(line, 0, multiline);
            if (i < 0) {
                return;
            }
            multiline = null;
        } else if (depth == 0) {
            i = skipBlank(line, 0);
            if (i >= line.length() || line.charAt(i) == '#') {
                return;
            }
            if (line.charAt(i) == '[') {
                header(line, i, lineNo);
                return;
            }
            i = key(line, i, lineNo);
        }
        value(line, i);
    }

    private void header(final String line, final int start, final int lineNo) {
        final boolean array = line.startsWith("[[", start);
        final int end = line.indexOf(array ? "]]" : "]", start);
        final String[] parts = names(line.substring(start + (array ? 2 : 1), end < 0 ? line.length() : end));
        keys.putIfAbsent('\0' + parts[0], lineNo);
        final List<Integer> owner = arrayTables.get(parts[0]);
        if (parts.length > 1 && owner != null) {
            keys.putIfAbsent(parts[0] + "[" + (owner.size() - 1) + "]" + '\0' + parts[1], lineNo);
        }
        final String name = String.join(".", parts);
        if (array) {
            final List<Integer> headers = arrayTables.computeIfAbsent(name, n -> new ArrayList<>());
            table = name + "[" + headers.size() + "]";
            headers.add(lineNo);
        } else {
            table = name;
        }
    }

    /** @return where the value starts, after the {@code =} */
    private int key(final String line, final int start, final int lineNo) {
        final int eq = keyEnd(line, start);
        final String[] parts = names(line.substring(start, eq));
        final StringBuilder prefix = new StringBuilder();
        for (int p = 0; p < parts.length; p++) {
            prefix.append(p == 0 ? "" : ".").append(parts[p]);
            final Integer previous = keys.putIfAbsent(table + '\0' + prefix, lineNo);
            if (p == parts.length - 1 && previous != null && duplicate == 0) {
                duplicate = lineNo;
            }
        }
        return Math.min(eq + 1, line.length());
    }

    /** @return the index of the {@code =} after a key, skipping quoted parts; the line's length if none */
    private static int keyEnd(final String line, final int start) {
        int i = start;
        while (i < line.length() && line.charAt(i) != '=') {
            final char c = line.charAt(i);
            i = c == '"' || c == '\'' ? Math.max(closeSingle(line, i + 1, c), i + 1) : i + 1;
        }
        return i;
    }

    private static String[] names(final String dotted) {
        final List<String> parts = new ArrayList<>();
        final StringBuilder part = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < dotted.length(); i++) {
            final char c = dotted.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < dotted.length()) {
                    i = unescape(dotted, i + 1, part);
                } else {
                    part.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.toArray(new String[0]);
    }

    /** Appends the character a basic string's escape stands for; returns the index of the escape's last character. */
    private static int unescape(final String text, final int at, final StringBuilder out) {
        final char c = text.charAt(at);
        final int digits = c == 'u' ? 4 : c == 'U' ? 8 : 0;
        if (digits > 0 && at + digits < text.length()) {
            try {
                out.appendCodePoint(Integer.parseInt(text.substring(at + 1, at + 1 + digits), 16));
                return at + digits;
            } catch (final IllegalArgumentException e) {
                return at;
            }
        }
        final int simple = "btnfr".indexOf(c);
        out.append(simple >= 0 ? "\b\t\n\f\r".charAt(simple) : c);
        return at;
    }

    private void value(final String line, final int start) {
        int i = start;
        while (i < line.length()) {
            final char c = line.charAt(i);
            if (c == '#') {
                return;
            } else if (c == '"' || c == '\'') {
                final String triple = String.valueOf(c).repeat(3);
                if (line.startsWith(triple, i)) {
                    i = close(line, i + 3, triple);
                    if (i < 0) {
                        multiline = triple;
                        return;
                    }
                } else {
                    i = closeSingle(line, i + 1, c);
                }
            } else {
                depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
                depth = Math.max(depth, 0);
                i++;
            }
        }
    }

    /** @return the index after the closing delimiter of a multi-line string, or -1 if it does not close on this line */
    private static int close(final String line, final int from, final String delimiter) {
        int i = from;
        while (i < line.length()) {
            if (delimiter.charAt(0) == '"' && line.charAt(i) == '\\') {
                i += 2;
            } else if (line.startsWith(delimiter, i)) {
                int end = i + 3;
                while (end < line.length() && line.charAt(end) == delimiter.charAt(0) && end < i + 5) {
                    end++;
                }
                return end;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** @return the index after the closing quote of a one-line string, or the line's length */
    private static int closeSingle(final String line, final int from, final char quote) {
        int i = from;
        while (i < line.length()) {
            final char c = line.charAt(i);
            if (c == '\\' && quote == '"') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return line.length();
    }

    private static int skipBlank(final String line, final int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
