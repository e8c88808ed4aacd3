package io.uipc.table;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A JVM-wide clock that ticks every {@value #TICK_MILLIS} ms, read with one volatile load: what
 * a send's hot path can afford to ask "has time passed since I last checked?", where
 * {@code System.nanoTime()} would cost as much as the send itself. One daemon thread, started by
 * the first {@link #now()}, advances it.
 */
final class CoarseClock {
    /** The tick's length. */
    static final long TICK_MILLIS = 100;

    private static volatile long ticks = 1;

    static {
        final Thread ticker = new Thread(CoarseClock::run, "uipc-coarse-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    private CoarseClock() {
    }

    /**
     * Reads the clock; allocates nothing.
     *
     * @return ticks since the clock started, never 0
     */
    static long now() {
        return ticks;
    }

    /** Advances the clock for as long as the JVM runs (a daemon thread). */
    private static void run() {
        final long period = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
        for (;;) {
            LockSupport.parkNanos(period);
            ticks++;
        }
    }
}
