package io.uipc.core.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Names for files and directories under construction, unique across processes (the pid) and
 * across the threads of one process (a sequence: two threads can read the same nanoTime, and
 * a creator that failed on a name it took for its own would then delete its rival's work).
 * The pid is also how a name left by a creator that died before renaming it is told from one
 * still being built ({@link #creatorPid}).
 */
public final class TemporaryNames {
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String MARK = ".creating-";

    private TemporaryNames() {
    }

    /**
     * Returns a hidden name for building {@code name}: {@code .NAME.creating-PID-SEQ-NANOS}.
     *
     * @param name the final name
     * @return a name no other creator, in this process or another, uses
     */
    public static String creating(final String name) {
        return "." + name + MARK + PID + "-" + SEQUENCE.incrementAndGet() + "-" + (System.nanoTime() & Long.MAX_VALUE);
    }

    /**
     * Reads the creator's pid back from a name {@link #creating} made.
     *
     * @param name any file name
     * @return the pid of the process that made it, or -1 if it is not such a name (nothing but
     *     {@code .NAME.creating-PID-SEQ-NANOS}, with PID, SEQ and NANOS decimal, is)
     */
    public static long creatorPid(final String name) {
        final String[] fields = fields(name);
        return fields == null ? -1 : Long.parseLong(fields[0]);
    }

    /**
     * Reads back when a name {@link #creating} made was made.
     *
     * @param name any file name
     * @return its creator's {@code System.nanoTime()} then (CLOCK_MONOTONIC on Linux, which every
     *     process of the host shares, whatever its pid namespace), or -1 if it is not such a name
     */
    public static long createdNanos(final String name) {
        final String[] fields = fields(name);
        return fields == null ? -1 : Long.parseLong(fields[2]);
    }

    /** @return PID, SEQ and NANOS of {@code .NAME.creating-PID-SEQ-NANOS}, or null for any other name */
    private static String[] fields(final String name) {
        final int mark = name.lastIndexOf(MARK);
        if (mark < 2 || name.charAt(0) != '.') {
            return null;
        }
        final String[] fields = name.substring(mark + MARK.length()).split("-", -1);
        if (fields.length != 3 || !digits(fields[0], 9) || !digits(fields[1], 18) || !digits(fields[2], 18)
            || Long.parseLong(fields[0]) == 0) {
            return null;
        }
        return fields;
    }

    /** @return whether a string is 1 to max ASCII digits */
    private static boolean digits(final String s, final int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
