package io.uipc.table;

import io.uipc.core.InterruptDomain;
import io.uipc.core.spi.DomainMaintenance;

import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

import static io.uipc.table.MemberEntryDescriptor.FREE;

/**
 * Liveness and reaping for one attached group (Oracle's PMON, in part): one daemon thread per
 * attachment. Every 200 ms (a cycle) it checks the group's files are still the ones it attached,
 * whole ({@link GroupFileGuard}), refreshes the heartbeats and sent counts of this process's
 * members, checks they still own their entries, and takes part in the reaper election; between
 * cycles it wakes every 100 ms (a tick; 50 ms in the elected reaper) to refresh the heartbeats
 * alone. Once elected (the lock file's reaper byte), it reclaims dead members (their liveness
 * locks are free, the kernel dropped them with the process): UITT entries invalidated, UPIDs and
 * slots freed, death notices posted. Every 50 ms it probes the locks of the entries whose
 * heartbeat has gone stale ({@link ProbeSchedule}) and no others; every 5 s it probes every
 * entry, sweeps orphaned UPIDs and removes the files dead processes were creating. A dead
 * member is thus found at most about 160 ms after its death (110 ms after its last heartbeat,
 * then up to a tick), its process's own exit aside. A member of this process that finds its
 * entry reclaimed is lost: the lost-member handler runs once (by default it halts the JVM). A
 * group whose files were deleted, truncated or replaced is lost as a whole: every member of this
 * process is lost, then the group-lost handler runs, and nothing here touches the mappings again.
 *
 * <p>Thread-safety: every field but the thread is final or volatile; the thread is guarded by
 * this object's monitor, the probe schedule is the thread's own. {@link #reap()} may run on any
 * thread as well as on the reaper's: every reclaim re-checks the entry under the mutation lock.
 */
final class Reaper implements AutoCloseable {
    /** A full cycle's period: the files checked, members' entries checked, the election. */
    static final long CYCLE_MILLIS = 200;
    /** Between cycles, a process's members' heartbeats are refreshed this often. */
    static final long MEMBER_TICK_MILLIS = 100;
    /** The elected reaper's tick: it looks for stale heartbeats this often. */
    static final long REAPER_TICK_MILLIS = 50;
    /** Every 25th cycle (5 s) probes every entry and sweeps orphans. */
    private static final int ORPHAN_SWEEP_EVERY = 25;
    /** Probes every entry that is not free. */
    private static final Suspects EVERY_ENTRY = new Suspects() {
        @Override
        public boolean suspect(final int slot, final long control) {
            return true;
        }

        @Override
        public void foundAlive(final int slot, final long control) {
            // nothing to remember
        }
    };
    private static final int HALT_STATUS = 70;
    private static final System.Logger LOG = System.getLogger(Reaper.class.getName());
    private static final Runnable PARK_MEMBER_TICK = () -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(MEMBER_TICK_MILLIS));
    private static final Runnable PARK_REAPER_TICK = () -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(REAPER_TICK_MILLIS));

    private final GroupDirectory files;
    private final ProcessTable table;
    private final InterruptDomain domain;
    private final GroupLocks locks;
    private final Membership membership;
    private final GroupFileGuard guard;
    /** Why the group is lost (its files deleted, truncated or replaced), set once; null while it is intact. */
    private final AtomicReference<String> lost = new AtomicReference<>();
    private final EntryReclaimer reclaimer;
    private final ProbeSchedule stale;
    private volatile Consumer<MemberReclaimedException> onLost = Reaper::halt;
    private volatile Consumer<GroupLostException> onGroupLost = e -> { };
    private volatile boolean running;
    private Thread thread;

    Reaper(final GroupDirectory files, final Membership membership, final GroupFileGuard guard) {
        this.files = files;
        this.guard = guard;
        this.table = files.table();
        this.domain = files.domain();
        this.locks = files.locks();
        this.membership = membership;
        this.reclaimer = new EntryReclaimer(files);
        this.stale = new ProbeSchedule(table);
    }

    /** Starts the thread, once: this process becomes a reaper candidate. */
    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::run, "uipc-monitor-" + files.name());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long cycle = 0;
        long untilCycle = 0;
        while (running && lost.get() == null) {
            final boolean reaper = locks.isReaper();
            if (untilCycle <= 0) {
                final long c = ++cycle;
                guarded(() -> monitor(c));
                untilCycle = CYCLE_MILLIS;
            } else {
                guarded(this::beat);
            }
            untilCycle -= reaper ? REAPER_TICK_MILLIS : MEMBER_TICK_MILLIS;
            guarded(reaper ? PARK_REAPER_TICK : PARK_MEMBER_TICK);
        }
    }

    /**
     * Runs one step of the thread, turning a fault into an orderly loss of the group: a page of
     * a mapping past the end of a file truncated since {@link GroupFileGuard#check()} looked is
     * a SIGBUS, which the JVM throws as an {@code InternalError} in this thread, possibly on its
     * next call rather than in the step that touched it (so parking is guarded too).
     */
    private void guarded(final Runnable step) {
        try {
            step.run();
        } catch (final RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "uipc: monitor of group " + files.name() + ": " + e);
        } catch (final InternalError e) {
            groupLost(faultReason(e));
        }
    }

    /**
     * A tick between cycles: the heartbeats of this process's members, and the elected reaper's
     * probes of the entries whose heartbeat went stale. No system call unless a probe is due, and
     * no check of the files: a fault here (a file truncated since the last cycle) loses the group
     * as in a cycle ({@link #guarded}).
     */
    private void beat() {
        final long now = System.currentTimeMillis();
        for (final Member m : membership.local()) {
            m.beat(now);
        }
        if (locks.isReaper()) {
            reapStale();
        }
    }

    /** One cycle: the files checked first, then heartbeats, then the reaper election and reaping. */
    private void monitor(final long cycle) {
        final String damage = guard.check();
        if (damage != null) {
            groupLost(damage);
            return;
        }
        for (final Member m : List.copyOf(membership.local())) {
            m.heartbeat();
        }
        if (locks.tryBecomeReaper()) {
            table.buffer().putIntVolatile(ProcessTableDescriptor.REAPER_PID_OFFSET, (int) ProcessHandle.current().pid());
            if (cycle % ORPHAN_SWEEP_EVERY == 0) {
                reap();
            } else {
                reapStale();
            }
        }
    }

    /** Probes the entries whose heartbeat went stale, and reclaims those whose owner is dead: the thread's scan. */
    void reapStale() {
        stale.startScan();
        reapDeadMembers(stale);
    }

    /**
     * Finds dead members now and reclaims them, then sweeps UPIDs whose owner process is gone,
     * then removes the files dead processes were creating in the group's directory. A UPID that
     * a table entry holds is never swept: its entry's liveness lock decides, so a live member
     * whose pid this process cannot see (another pid namespace) keeps it. Only a UPID that no
     * entry holds is judged by its owner's pid, and a file under construction by its creator's.
     *
     * @return what was reclaimed
     * @throws GroupLostException if the group's files were deleted, truncated or replaced
     */
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    ReapReport reap() {
        ensureIntact();
        try {
            final List<MemberInfo> reaped = reapDeadMembers();
            // listed before the entries' pids are read: a member creates files only once joined, so a member
            // that made a name listed is in that set, whatever pid it sees itself as
            final List<String> temporaries = files.temporaries();
            final Map<Long, Boolean> alive = new HashMap<>();
            final LongPredicate lives;
            final int orphans;
            try (GroupLocks.Held ignored = locks.mutation()) {
                final Set<Long> entryPids = table.pidsOfEntries();
                lives = pid -> entryPids.contains(pid) || alive.computeIfAbsent(pid, p -> ProcStat.isAlive(p, 0));
                orphans = DomainMaintenance.of(domain).reclaimOrphans(lives);
            }
            return new ReapReport(reaped, orphans, files.removeAbandoned(temporaries, lives));
        } catch (final InternalError e) {
            groupLost(faultReason(e));
            throw lostException(lost.get());
        }
    }

    /**
     * The cheap part of {@link #reap()}: probes each non-free entry's liveness lock without the
     * mutation lock, and reclaims under it the entries whose owner is dead.
     *
     * @return the members reclaimed, as their entries were
     */
    List<MemberInfo> reapDeadMembers() {
        return reapDeadMembers(EVERY_ENTRY);
    }

    /**
     * Probes the liveness lock of each non-free entry the suspects name, without the mutation
     * lock, and reclaims under it the entries whose owner is dead.
     */
    private List<MemberInfo> reapDeadMembers(final Suspects suspects) {
        List<MemberInfo> reaped = List.of();
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            final long control = table.control(slot);
            if (MemberEntryDescriptor.state(control) == FREE || !suspects.suspect(slot, control)) {
                continue;
            }
            final FileLock probe = locks.probeDead(slot);
            if (probe == null) {
                suspects.foundAlive(slot, control);
                continue;
            }
            GroupLocks.releaseQuietly(probe);
            final MemberInfo dead = reapIfDead(slot);
            if (dead != null) {
                if (reaped.isEmpty()) {
                    reaped = new ArrayList<>();
                }
                reaped.add(dead);
            }
        }
        if (!reaped.isEmpty()) {
            reclaimer.postDeathNotices();
        }
        return reaped;
    }

    /** Which entries a scan probes, and what it learns of those found alive. */
    interface Suspects {
        /**
         * Tells whether to probe a non-free entry's liveness lock.
         *
         * @param slot    the entry's slot
         * @param control its control word, as the scan read it
         * @return whether to probe it
         */
        boolean suspect(int slot, long control);

        /**
         * Hears that a probe found the entry's lock held.
         *
         * @param slot    the entry's slot
         * @param control its control word, as the scan read it
         */
        void foundAlive(int slot, long control);
    }

    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    private MemberInfo reapIfDead(final int slot) {
        try (GroupLocks.Held ignored = locks.mutation()) {
            return reclaimer.reclaimIfDead(slot);
        }
    }

    /**
     * Reads the deaths counter the reapers keep in the table header.
     *
     * @return members this group has reaped since it was created
     */
    long deathsReaped() {
        return table.buffer().getLongVolatile(ProcessTableDescriptor.DEATHS_OFFSET);
    }

    /**
     * Reads the pid the elected reaper stamps in the table header every cycle.
     *
     * @return the pid of the last process elected reaper, or 0
     */
    int reaperPid() {
        return table.buffer().getIntVolatile(ProcessTableDescriptor.REAPER_PID_OFFSET);
    }

    /**
     * Sets what happens when a member of this process is lost.
     *
     * @param handler called once per lost member
     */
    void onMemberLost(final Consumer<MemberReclaimedException> handler) {
        this.onLost = handler;
    }

    /**
     * Declares a member of this process lost, once: it is forgotten and the handler runs.
     *
     * @param member the member
     * @param reason why, for the handler's exception
     */
    void lost(final Member member, final String reason) {
        if (member.markLost(reason)) {
            membership.forget(member);
            onLost.accept(new MemberReclaimedException("member '" + member.name() + "' of group " + files.name() + ": " + reason));
        }
    }

    /**
     * Sets what happens when this process finds the group's files deleted, truncated or replaced.
     *
     * @param handler called once, after each member of this process was declared lost
     */
    void onGroupLost(final Consumer<GroupLostException> handler) {
        this.onGroupLost = handler;
    }

    /**
     * Tells whether this process found the group's files deleted, truncated or replaced.
     *
     * @return whether the group is lost to this process
     */
    boolean isLost() {
        return lost.get() != null;
    }

    /**
     * Declares the group lost, once: every member of this process is lost (by default the JVM
     * halts), then the group's handler runs. Nothing touches the group's mappings afterwards:
     * the thread ends and {@link #reap()} throws.
     */
    private void groupLost(final String reason) {
        if (!lost.compareAndSet(null, reason)) {
            return;
        }
        for (final Member m : List.copyOf(membership.local())) {
            lost(m, reason);
        }
        onGroupLost.accept(lostException(reason));
    }

    /** Checks the files before a slow path touches the mappings. */
    private void ensureIntact() {
        final String damage = lost.get() == null ? guard.check() : null;
        if (damage != null) {
            groupLost(damage);
        }
        final String reason = lost.get();
        if (reason != null) {
            throw lostException(reason);
        }
    }

    private String faultReason(final InternalError e) {
        final String damage = guard.check();
        return damage != null ? damage : "touching its shared memory faulted (" + e.getMessage()
            + "): a group file was truncated or replaced under this process";
    }

    private GroupLostException lostException(final String reason) {
        return new GroupLostException("group " + files.name() + ": " + reason);
    }

    private static void halt(final MemberReclaimedException e) {
        LOG.log(System.Logger.Level.ERROR, "uipc: FATAL: " + e.getMessage() + "; halting");
        Runtime.getRuntime().halt(HALT_STATUS);
    }

    /** Stops the thread and waits up to 5 s for it to end. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
