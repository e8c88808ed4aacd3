package io.uipc.core.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Names for files and directories under construction, unique across processes (the pid) and
 * across the threads of one process (a sequence: two threads can read the same nanoTime, and
 * a creator that failed on a name it took for its own would then delete its rival's work).
 */
public final class TemporaryNames {
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TemporaryNames() {
    }

    /**
     * Returns a hidden name for building {@code name}: {@code .NAME.creating-PID-SEQ-NANOS}.
     *
     * @param name the final name
     * @return a name no other creator, in this process or another, uses
     */
    public static String creating(final String name) {
        return "." + name + ".creating-" + PID + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    }
}
