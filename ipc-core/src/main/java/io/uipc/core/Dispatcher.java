package io.uipc.core;

import java.util.concurrent.TimeUnit;

/**
 * A thread that owns a {@link Receiver}: it awaits and runs handlers as
 * {@link Receiver#dispatch(long)} does (after each handler, the highest vector pending at that
 * moment), until closed or until its receiver is closed. Handler exceptions are logged (level
 * ERROR, through {@link System.Logger}) and do not stop the thread. Start one with {@link Receiver#startDispatcher}, which
 * hands the receiver over to the dispatcher's thread.
 */
public final class Dispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private final Receiver receiver;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts the dispatcher thread (a daemon). {@link Receiver#startDispatcher} calls this and
     * hands the receiver over to the new thread.
     *
     * @param receiver   the receiver it owns from now on
     * @param threadName thread name
     */
    public Dispatcher(final Receiver receiver, final String threadName) {
        this.receiver = receiver;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                final long vectors = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                if (vectors != 0) {
                    dispatch(vectors);
                }
            }
        } catch (final ReceiverClosedException e) {
            running = false; // closed under the dispatcher: nothing more will arrive
        }
    }

    private void dispatch(final long vectors) {
        try {
            receiver.dispatch(vectors);
        } catch (final ReceiverClosedException e) {
            throw e;
        } catch (final RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "uipc: handler failed on " + thread.getName() + ": " + e);
        }
    }

    /**
     * Returns the dispatcher thread.
     *
     * @return the dispatcher thread
     */
    public Thread thread() {
        return thread;
    }

    /** Stops the thread and waits for it to finish its current handler. */
    @Override
    public void close() {
        running = false;
        receiver.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
