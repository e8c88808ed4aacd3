package io.uipc.core;

/**
 * A shared file that cannot be attached or read safely: missing, not a regular file, truncated,
 * of the wrong magic, layout version or size, or holding a field that fails its bounds checks.
 * The message is one line naming the file and the field, with the values found and expected.
 * Each shared file's descriptor throws its own subtype: {@link DomainLayoutException} for an
 * interrupt domain, and the process table's and inbox's types in their modules.
 */
public class LayoutException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which check failed, naming the file and the field
     */
    public LayoutException(final String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure behind it.
     *
     * @param message which check failed, naming the file and the field
     * @param cause   the I/O failure behind it
     */
    public LayoutException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
