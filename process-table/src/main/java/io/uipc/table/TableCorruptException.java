package io.uipc.table;

import io.uipc.core.LayoutException;

/**
 * A group's process table or lock file failed a check: on attach (magic, version, header,
 * size), or later an index, length, state or generation read from shared memory out of bounds.
 */
public final class TableCorruptException extends LayoutException {
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
