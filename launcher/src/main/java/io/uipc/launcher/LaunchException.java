package io.uipc.launcher;

import io.uipc.core.UipcException;

/** A group could not be launched; everything it had started is already stopped. */
public final class LaunchException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, for the user
     */
    public LaunchException(final String message) {
        super(message);
    }
}
