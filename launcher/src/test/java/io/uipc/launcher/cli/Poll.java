package io.uipc.launcher.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Polls a condition until it holds or a deadline passes: how the top tests wait, never a fixed sleep. */
final class Poll {
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Poll() {
    }

    /**
     * Waits for a condition.
     *
     * @param condition what must become true
     * @param timeout   the deadline
     * @param failure   the failure message, evaluated on time-out
     */
    static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> failure) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + timeout + ": " + failure.get());
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
