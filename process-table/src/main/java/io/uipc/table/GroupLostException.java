package io.uipc.table;

import io.uipc.core.UipcException;

/**
 * The group's files were deleted, truncated or replaced under this process: its mappings may
 * fault or no longer be the group's, so nothing of the group may be used any more. The message
 * is one line naming the file and what happened to it.
 */
public final class GroupLostException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which group, which file and what happened to it
     */
    public GroupLostException(final String message) {
        super(message);
    }
}
