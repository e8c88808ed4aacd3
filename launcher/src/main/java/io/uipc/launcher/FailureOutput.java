package io.uipc.launcher;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Quotes the output line that says why a member failed. That is its last line, unless the last
 * line belongs to a Java stack trace (a frame, {@code ... N more}, {@code Caused by:}): then it is
 * the trace's exception line, such as {@code Exception in thread "main" java.lang.IllegalStateException: no config},
 * with the root cause's line, since a frame tells a person nothing they can act on.
 */
final class FailureOutput {
    /** Lines searched back from the end: deep enough for a trace with a few causes. */
    private static final int SCANNED = 400;
    /** A quoted line is cut to this many characters: the failure is one line. */
    private static final int MAX_QUOTED = 300;
    private static final Pattern TRACE = Pattern.compile("\\s+at \\S.*|\\s*\\.\\.\\. \\d+ (more|common frames omitted)|\\s*(Caused by|Suppressed): .*");
    private static final String CAUSED_BY = "Caused by: ";

    private FailureOutput() {
    }

    /**
     * @param log a member's output
     * @return {@code "; it threw: LINE (root cause: LINE)"}, {@code "; its last output: LINE"} or {@code " (it printed nothing)"}
     */
    static String describe(final OutputLog log) {
        return describe(log.tail(SCANNED));
    }

    /**
     * @param lines the last lines of a member's output, oldest first
     * @return as {@link #describe(OutputLog)}
     */
    static String describe(final List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (end == 0) {
            return " (it printed nothing)";
        }
        final String last = lines.get(end - 1);
        int i = end - 1;
        String rootCause = null;
        while (i >= 0 && TRACE.matcher(lines.get(i)).matches()) {
            final String line = lines.get(i).strip();
            if (rootCause == null && line.startsWith(CAUSED_BY)) {
                rootCause = line.substring(CAUSED_BY.length());
            }
            i--;
        }
        if (i == end - 1 || i < 0) {
            return "; its last output: " + quote(last.strip());
        }
        return "; it threw: " + quote(lines.get(i).strip()) + (rootCause == null ? "" : " (root cause: " + quote(rootCause) + ")");
    }

    private static String quote(final String line) {
        final String one = TerminalText.escapeControls(line);
        return one.length() <= MAX_QUOTED ? one : one.substring(0, MAX_QUOTED) + "...";
    }
}
