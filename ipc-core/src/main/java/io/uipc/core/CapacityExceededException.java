package io.uipc.core;

/** A fixed-size shared table (UPIDs, UITT, a private UITT) has no free entry left. */
public final class CapacityExceededException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which table is full and its capacity
     */
    public CapacityExceededException(final String message) {
        super(message);
    }
}
