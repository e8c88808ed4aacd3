package io.uipc.table;

import io.uipc.core.UipcException;

/** This member's entry was reclaimed (declared dead) or its group destroyed: it must not run on. */
public final class MemberReclaimedException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which member and what was found
     */
    public MemberReclaimedException(final String message) {
        super(message);
    }
}
