package io.uipc.launcher.demo;

import io.uipc.core.Dispatcher;
import io.uipc.core.Receiver;
import io.uipc.launcher.GroupVectors;
import io.uipc.launcher.LaunchedMember;

import java.util.concurrent.TimeUnit;

/**
 * A demo session running a "long query": its thread is blocked in {@code Thread.sleep}.
 * Vector {@link DemoVectors#CANCEL} is bound in the thread-interrupt mode, so a post from
 * another process wakes the sleeping thread as a signal would, and the query is cancelled.
 */
public final class Session {
    private static volatile boolean shutdown;

    private Session() {
    }

    /** @param args ignored */
    public static void main(final String[] args) {
        try (LaunchedMember self = LaunchedMember.join(DemoVectors.CANCEL)) {
            final Thread worker = Thread.currentThread();
            final Receiver receiver = self.receiver();
            receiver.interruptOn(DemoVectors.CANCEL, worker);
            receiver.onVector(GroupVectors.SHUTDOWN, v -> {
                shutdown = true;
                worker.interrupt();
            });
            final String name = self.member().name();
            System.out.println("ready; vector " + DemoVectors.CANCEL + " interrupts the query thread");
            try (Dispatcher ignored = receiver.startDispatcher(name + "-dispatcher")) {
                while (!shutdown) {
                    System.out.println("running a long query (thread blocked in Thread.sleep)");
                    final long t0 = System.nanoTime();
                    try {
                        Thread.sleep(TimeUnit.HOURS.toMillis(1));
                    } catch (final InterruptedException e) {
                        if (!shutdown) {
                            System.out.printf("query cancelled by a user interrupt after %d ms: Thread.sleep was interrupted%n",
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                        }
                    }
                }
            }
            System.out.println("shutdown vector; leaving the group");
        }
    }
}
