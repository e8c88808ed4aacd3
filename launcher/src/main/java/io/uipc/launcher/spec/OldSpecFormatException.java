package io.uipc.launcher.spec;

/** A spec in uipc's old format ({@link OldSpecFormat}): its one-line message names the command that converts it. */
public final class OldSpecFormatException extends SpecException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception.
     *
     * @param file the spec as named by its user
     */
    OldSpecFormatException(final String file) {
        super(OldSpecFormat.hint(file));
    }
}
