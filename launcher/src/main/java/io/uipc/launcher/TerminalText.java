package io.uipc.launcher;

/**
 * Makes text read from shared memory safe to print on a terminal. Any member can write any bytes into
 * the group's table, so a name, role or label printed raw could carry escape sequences that take over
 * the admin's terminal (clear it, retitle it, fake output). Every text print of a shared-memory string
 * goes through {@link #escape}.
 */
public final class TerminalText {
    private static final char DEL = 0x7f;
    private static final char LAST_C1 = 0x9f;

    private TerminalText() {
    }

    /**
     * Escapes control characters so that they show as visible text. C0 controls (0x00-0x1F, including
     * ESC and newline), DEL (0x7F) and C1 controls (0x80-0x9F) become {@code \xNN} with two lower-case hex
     * digits (ESC is {@code \x1b}, newline {@code \x0a}); a backslash becomes {@code \\}, so the output is
     * unambiguous. Every other character is kept as it is.
     *
     * @param s the text, for example a member name read from the process table
     * @return the text with every control character and backslash escaped
     */
    public static String escape(final String s) {
        return escape(s, true);
    }

    /**
     * Escapes control characters as {@link #escape} does, but keeps backslashes: for error messages, which
     * quote user input and may pass through several layers (a spec value, the spec error, the CLI's error
     * line). Escaping again changes nothing, so each layer may escape; the price is that a typed
     * {@code \x1b} and a real ESC read the same, which an error message can afford.
     *
     * @param s the text, for example an error message quoting a command-line argument
     * @return the text with every control character escaped, on one line
     */
    public static String escapeControls(final String s) {
        return escape(s, false);
    }

    private static String escape(final String s, final boolean backslashes) {
        final StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == '\\' && backslashes) {
                b.append("\\\\");
            } else if (c < ' ' || (c >= DEL && c <= LAST_C1)) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
