package io.uipc.core;

/** Runs when a vector is delivered to a receiver, on the thread that dispatches it. */
@FunctionalInterface
public interface VectorHandler {
    /**
     * Handles one delivery.
     *
     * @param vector the delivered vector, 0..63
     */
    void onInterrupt(int vector);

    /**
     * The thread-interrupt mode: a handler that calls {@link Thread#interrupt()} on
     * {@code target}, so a thread blocked in sleep, wait, a queue take or interruptible I/O wakes
     * as it would from a signal.
     *
     * @param target the thread to interrupt
     * @return the handler
     */
    static VectorHandler interrupting(final Thread target) {
        return vector -> target.interrupt();
    }
}
