package io.uipc.table;

import io.uipc.core.UipcException;

/** Shared process table bytes failed a check: an index, length, state or generation out of bounds. */
public final class TableCorruptException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was found and where
     */
    public TableCorruptException(final String message) {
        super(message);
    }
}
