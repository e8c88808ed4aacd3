package io.uipc.launcher.spec;

import io.uipc.core.UipcException;
import io.uipc.launcher.TerminalText;

/**
 * A group spec that cannot be used: the message names the file, the line and the field, on one line,
 * with any control character it quotes from the spec escaped ({@link TerminalText#escapeControls}).
 */
public class SpecException extends UipcException {
    private static final long serialVersionUID = 1L;
    /** The 1-based line at fault, or 0. */
    private final int line;

    /**
     * Makes the exception, its message prefixed with where the spec is wrong.
     *
     * @param source  file name or description of the spec
     * @param line    1-based line, or 0 if the error is not tied to a line
     * @param field   the field (key or section) at fault, or null
     * @param message what is wrong
     */
    public SpecException(final String source, final int line, final String field, final String message) {
        super(TerminalText.escapeControls(source + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "'" + field + "': ")
            + message));
        this.line = line;
    }

    /**
     * Makes an exception whose whole message is given, for a spec that is wrong as a whole.
     *
     * @param message what is wrong, naming the spec
     */
    SpecException(final String message) {
        super(TerminalText.escapeControls(message));
        this.line = 0;
    }

    /**
     * Gives the line at fault.
     *
     * @return the 1-based line at fault, or 0
     */
    public int line() {
        return line;
    }
}
