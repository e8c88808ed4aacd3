package io.uipc.launcher.spec.legacy;

import java.util.Optional;

/**
 * The spec's comment syntax: a line whose first non-blank character is {@code #} or {@code ;} is a
 * comment, and {@code #} at the start of a line or after a space or tab, outside single or double
 * quotes, starts a comment to the end of the line. So {@code -Dtag=#1}, {@code "a # b"} and
 * {@code role = r#1} keep their {@code #}, while {@code grace-period = 5s  # default} is {@code 5s}.
 * A {@code ;} after other text is ordinary text (JVM options and arguments may hold one).
 */
final class LegacyComments {
    private LegacyComments() {
    }

    /**
     * @param line a line of the spec, without its line terminator
     * @return the line without its comment, if any; an empty string for a comment line
     */
    static String strip(final String line) {
        final String trimmed = line.strip();
        if (trimmed.startsWith(";")) {
            return "";
        }
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * @param line a line of the spec
     * @return for a comment line, its text as a TOML comment ({@code ;} becomes {@code #}); empty for any other line
     */
    static Optional<String> commentOf(final String line) {
        final String trimmed = line.strip();
        if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
            return Optional.of("#" + trimmed.substring(1));
        }
        return Optional.empty();
    }
}
