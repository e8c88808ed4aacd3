package io.uipc.core;

/** Thrown by {@link SendResult#check(int)} for a send that did not post its vector. */
public final class SendFailedException extends UipcException {
    private static final long serialVersionUID = 1L;
    /** The negative {@link SendResult} code. */
    private final int code;

    /**
     * Creates the exception for a failed send.
     *
     * @param code the negative {@link SendResult} code
     */
    public SendFailedException(final int code) {
        super(SendResult.describe(code));
        this.code = code;
    }

    /** {@return the negative {@link SendResult} code} */
    public int code() {
        return code;
    }
}
