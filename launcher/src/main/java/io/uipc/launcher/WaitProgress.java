package io.uipc.launcher;

import java.util.concurrent.TimeUnit;

/**
 * When a wait for members to become ready is reported: after 2 s, 5 s, 10 s and then every
 * 10 s, so a slow start shows that the launcher is alive and what it waits for, and a member
 * that is ready at once prints nothing. One instance per wait; used by one thread.
 */
final class WaitProgress {
    private static final long FIRST_SECONDS = 2;
    private static final long SECOND_SECONDS = 5;
    private static final long EVERY_SECONDS = 10;
    private long nextSeconds = FIRST_SECONDS;

    /**
     * Tells whether a progress line is due, and moves on to the next one if so.
     *
     * @param elapsedNanos how long the wait has lasted
     * @return the whole seconds waited, to report, or -1 if no line is due
     */
    long due(final long elapsedNanos) {
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(elapsedNanos);
        if (seconds < nextSeconds) {
            return -1;
        }
        nextSeconds = seconds < SECOND_SECONDS ? SECOND_SECONDS : (seconds / EVERY_SECONDS + 1) * EVERY_SECONDS;
        return seconds;
    }
}
