package io.uipc.core;

/**
 * Base of every error uipc reports: a misuse, a corrupt or incompatible shared-memory segment,
 * a full table or an unavailable backend. Unchecked, like the faults SENDUIPI raises.
 */
public class UipcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and, where known, what to do about it
     */
    public UipcException(final String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public UipcException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
