package io.uipc.table;

import io.uipc.core.UipcException;

/** Refused access to a group: wrong secret, or the group's files belong to another user without group mode. */
public final class GroupAccessException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why access was refused and what would allow it
     */
    public GroupAccessException(final String message) {
        super(message);
    }
}
