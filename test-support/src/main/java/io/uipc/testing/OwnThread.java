package io.uipc.testing;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a call on a thread of its own and returns its result, for code that registers several
 * receivers (joins several members) of one domain: a thread has at most one open receiver per
 * domain, so each gets a thread that registers it and ends, leaving it open for the caller.
 */
public final class OwnThread {
    private OwnThread() {
    }

    /**
     * Runs {@code call} on a new thread and waits for it.
     *
     * @param <T>  the result type
     * @param name the thread's name
     * @param call what to run, typically a join or a receiver registration
     * @return its result
     * @throws RuntimeException or Error what {@code call} threw, as it threw it
     */
    public static <T> T call(final String name, final Supplier<T> call) {
        final AtomicReference<T> result = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread thread = new Thread(() -> {
            try {
                result.set(call.get());
            } catch (final RuntimeException | Error e) {
                failure.set(e);
            }
        }, name);
        thread.start();
        try {
            thread.join();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " ran", e);
        }
        final Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
