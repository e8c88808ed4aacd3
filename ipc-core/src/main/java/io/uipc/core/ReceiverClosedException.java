package io.uipc.core;

/**
 * Thrown by {@link Receiver#poll()} and {@link Receiver#await} once the receiver is no longer
 * registered: closed here, or its UPID slot reclaimed (its process was declared dead). Nothing
 * more can arrive, which a plain 0 (a timeout, a {@link Receiver#wakeup()}) would not say.
 */
public final class ReceiverClosedException extends UipcException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which receiver, and why it is no longer registered
     */
    public ReceiverClosedException(final String message) {
        super(message);
    }
}
