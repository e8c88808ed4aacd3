package io.uipc.launcher;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The output lines of one member (all its incarnations), kept so that callers can wait for a
 * line (tests, the demo) and so that a failure message can quote the last lines. Bounded: the
 * newest lines are kept, up to {@value #RETAINED} lines and {@value #RETAINED_CHARS} characters
 * (a long line arrives in pieces, {@link OutputPump}).
 */
public final class OutputLog {
    private static final int RETAINED = 10_000;
    private static final int RETAINED_CHARS = 1 << 20;
    private final Deque<String> lines = new ArrayDeque<>();
    /** Characters in {@link #lines}, guarded by this. */
    private long chars;

    OutputLog() {
    }

    synchronized void add(final String line) {
        lines.addLast(line);
        chars += line.length();
        while (lines.size() > 1 && (lines.size() > RETAINED || chars > RETAINED_CHARS)) {
            chars -= lines.removeFirst().length();
        }
        notifyAll();
    }

    /**
     * Gives the retained lines.
     *
     * @return the retained lines, oldest first
     */
    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /**
     * Gives the last lines.
     *
     * @param n how many
     * @return the last {@code n} lines, oldest first
     */
    public synchronized List<String> tail(final int n) {
        final List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /**
     * Waits until a retained line matches.
     *
     * @param match   the condition
     * @param timeout how long to wait
     * @return the first matching line
     * @throws IllegalStateException on timeout, quoting the last lines
     * @throws InterruptedException  if interrupted
     */
    public String await(final Predicate<String> match, final Duration timeout) throws InterruptedException {
        return await(match, 1, timeout);
    }

    /**
     * Waits until {@code n} retained lines match.
     *
     * @param match   the condition
     * @param n       how many matching lines
     * @param timeout how long to wait
     * @return the {@code n}th matching line
     * @throws IllegalStateException on timeout, quoting the last lines
     * @throws InterruptedException  if interrupted
     */
    public synchronized String await(final Predicate<String> match, final int n, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            int seen = 0;
            for (final String line : lines) {
                if (match.test(line) && ++seen == n) {
                    return line;
                }
            }
            final long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(seen + " of " + n + " matching output lines within " + timeout.toMillis()
                    + " ms; last lines: " + tail(5));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
