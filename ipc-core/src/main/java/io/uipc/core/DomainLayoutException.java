package io.uipc.core;

/**
 * An interrupt domain segment that cannot be attached or read safely: missing, truncated, of
 * the wrong magic, layout version or size, or holding an entry that fails its bounds checks.
 */
public final class DomainLayoutException extends LayoutException {
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
     * Creates the exception with the failure behind it.
     *
     * @param message which check failed
     * @param cause   the I/O failure behind it
     */
    public DomainLayoutException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
