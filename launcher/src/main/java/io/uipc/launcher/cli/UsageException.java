package io.uipc.launcher.cli;

/** Bad usage found after parsing (a value out of range): exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(final String message) {
        super(message);
    }
}
