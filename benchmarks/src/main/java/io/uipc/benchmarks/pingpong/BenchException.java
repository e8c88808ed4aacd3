package io.uipc.benchmarks.pingpong;

/** The benchmark could not complete: a peer JVM failed, timed out or could not be set up. */
public final class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with the peer's output where there is one
     */
    public BenchException(final String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed
     * @param cause   the underlying error
     */
    public BenchException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
