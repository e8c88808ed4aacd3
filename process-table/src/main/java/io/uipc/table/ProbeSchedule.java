package io.uipc.table;

import java.util.concurrent.TimeUnit;

import static io.uipc.table.MemberEntryDescriptor.HEARTBEAT_OFFSET;

/**
 * Which entries the elected reaper's periodic scan asks the kernel about. A member's heartbeat
 * (epoch ms, written by its process's liveness thread every 100 ms, {@link Reaper}) is the cheap
 * first check: an entry whose heartbeat is at most {@value #STALE_MILLIS} ms old (or that much in
 * the future, for clocks read a moment apart) was written by a process that ran a moment ago, so
 * its liveness lock is not probed. Any other entry is a suspect: its lock is probed, and
 * only a free lock makes it dead. A suspect found alive (a stopped or starved process, a member
 * still joining or leaving) is probed again at most every {@value #REPROBE_MILLIS} ms: twice the
 * rate at which every entry was probed before, for the few whose heartbeat stalls. The heartbeat never proves a death, and the full scan
 * the reaper makes with each orphan sweep (every 5 s) probes every entry whatever its heartbeat,
 * so a heartbeat kept fresh by mistake or by a lying member delays a reclaim by at most that.
 *
 * <p>Thread-safety: confined to the reaper's thread.
 */
final class ProbeSchedule implements Reaper.Suspects {
    /** A heartbeat older than this makes its entry a suspect. */
    static final long STALE_MILLIS = 110;
    /** How often a suspect found alive is probed again: a member found alive while late and killed just after is found within this and a tick. */
    static final long REPROBE_MILLIS = 100;
    private static final long REPROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(REPROBE_MILLIS);

    private final ProcessTable table;
    /** Per slot: the control word (never 0: the entry was not free) a probe last found alive, 0 if none, and when (nanoTime). */
    private final long[] aliveControl;
    private final long[] aliveAt;
    private long nowMillis;
    private long nowNanos;

    ProbeSchedule(final ProcessTable table) {
        this.table = table;
        this.aliveControl = new long[table.entryCapacity()];
        this.aliveAt = new long[table.entryCapacity()];
    }

    /** Reads the clocks once for a scan. */
    void startScan() {
        nowMillis = System.currentTimeMillis();
        nowNanos = System.nanoTime();
    }

    /** An entry is a suspect if its heartbeat is stale and no probe found it alive in the last 100 ms. */
    @Override
    public boolean suspect(final int slot, final long control) {
        final long age = nowMillis - table.getLong(slot, HEARTBEAT_OFFSET);
        if (age >= -STALE_MILLIS && age <= STALE_MILLIS) {
            return false;
        }
        final long alive = aliveControl[slot];
        return alive == 0 || MemberEntryDescriptor.generation(alive) != MemberEntryDescriptor.generation(control)
            || nowNanos - aliveAt[slot] >= REPROBE_NANOS;
    }

    /** Remembers when, and for which generation, a probe found the entry alive. */
    @Override
    public void foundAlive(final int slot, final long control) {
        aliveControl[slot] = control;
        aliveAt[slot] = nowNanos;
    }
}
