package io.uipc.table.mailbox;

import io.uipc.core.UipcException;

/** An inbox file that fails validation: wrong magic, layout version, header fields or size. */
public final class InboxLayoutException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which check failed, with the values found and expected
     */
    public InboxLayoutException(final String message) {
        super(message);
    }
}
