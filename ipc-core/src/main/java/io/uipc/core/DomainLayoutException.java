package io.uipc.core;

/**
 * A shared-memory segment that cannot be attached or read safely: missing, truncated, of the
 * wrong magic, layout version or size, or holding an entry that fails its bounds checks.
 */
public final class DomainLayoutException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which check failed, with the values found and expected
     */
    public DomainLayoutException(final String message) {
        super(message);
    }

    /**
     * Creates the exception for an I/O failure.
     *
     * @param message which check failed
     * @param cause   the I/O failure behind it
     */
    public DomainLayoutException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
