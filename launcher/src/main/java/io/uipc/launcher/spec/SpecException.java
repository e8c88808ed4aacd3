package io.uipc.launcher.spec;

import io.uipc.core.UipcException;

/** A group spec that cannot be used: the message names the file, the line and the field. */
public final class SpecException extends UipcException {
    private static final long serialVersionUID = 1L;
    /** The 1-based line at fault, or 0. */
    private final int line;

    /**
     * Creates the exception; its message names the source, the line and the field.
     *
     * @param source  file name or description of the spec
     * @param line    1-based line, or 0 if the error is not tied to a line
     * @param field   the field (key or section) at fault, or null
     * @param message what is wrong
     */
    public SpecException(final String source, final int line, final String field, final String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "'" + field + "': ") + message);
        this.line = line;
    }

    /** {@return the 1-based line at fault, or 0} */
    public int line() {
        return line;
    }
}
