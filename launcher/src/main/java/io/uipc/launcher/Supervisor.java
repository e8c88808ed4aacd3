package io.uipc.launcher;

import io.uipc.launcher.LaunchEvents.Event;
import io.uipc.launcher.LaunchEvents.Exited;
import io.uipc.launcher.spec.FailureAction;
import io.uipc.table.MemberHandle;
import io.uipc.table.ProcessGroup;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches a started group until it ends: takes {@link LaunchEvents} one at a time, reports each
 * member exit with its code, restarts a member per its restart policy, and applies the spec's
 * {@code on-failure} to a member that fails for good. The group ends on a stop request, on a
 * failure with {@code on-failure = shutdown}, or when every member has exited; whichever way,
 * the {@link StopSequence} runs on the supervising thread before {@link #supervise()} returns.
 * Restart and failure policy live in {@link #onExit} alone.
 *
 * <p>One loop, run on the caller's thread ({@link #supervise()}) or a daemon thread
 * ({@link #superviseInBackground(String)}); either registers the thread before it announces
 * itself, so a caller that has seen the announcement stops the group through the loop. The
 * count of running members is local to the loop: exits and restarts are seen on the
 * supervising thread only.
 */
final class Supervisor {
    /** How long a restart waits for the reaper to free the dead JVM's name. */
    private static final long FREE_NAME_NANOS = TimeUnit.SECONDS.toNanos(5);
    private final FailureAction onFailure;
    private final MemberRoster members;
    private final ProcessGroup group;
    private final LaunchEvents events;
    private final MemberSpawner spawner;
    private final ReadinessProbe probe;
    private final StopSequence stop;
    private final LaunchFailures failures;
    private final LaunchConsole console;
    /**
     * The thread running the loop, set before the loop runs, never cleared: volatile so that
     * {@link #shutdown()} on another thread sees that a loop owns the members and asks it to
     * stop them rather than stopping them under it.
     */
    private volatile Thread thread;

    /**
     * @param onFailure what a member failing for good does to the group
     * @param members   the members
     * @param group     the group, whose entries a restart frees
     * @param events    exits and stop requests
     * @param spawner   restarts JVMs
     * @param probe     waits until a restarted JVM is ready
     * @param stop      ends the group
     * @param failures  where failures are recorded
     * @param console   where progress goes
     */
    Supervisor(final FailureAction onFailure, final MemberRoster members, final ProcessGroup group, final LaunchEvents events,
               final MemberSpawner spawner, final ReadinessProbe probe, final StopSequence stop, final LaunchFailures failures,
               final LaunchConsole console) {
        this.onFailure = onFailure;
        this.members = members;
        this.group = group;
        this.events = events;
        this.spawner = spawner;
        this.probe = probe;
        this.stop = stop;
        this.failures = failures;
        this.console = console;
    }

    /** Supervises on the calling thread until the group has ended and is torn down. */
    void supervise() {
        thread = Thread.currentThread();
        console.info("supervising " + members.size() + " members (Ctrl-C or SIGTERM stops the group)");
        loop();
    }

    /**
     * Supervises on a new daemon thread.
     *
     * @param groupName names the thread
     */
    void superviseInBackground(final String groupName) {
        final Thread t = new Thread(this::loop, "uipc-supervisor-" + groupName);
        t.setDaemon(true);
        thread = t;
        console.info("supervising " + members.size() + " members");
        t.start();
    }

    /**
     * Ends the group and waits: a loop running on another thread is asked to stop it and joined;
     * with no loop, the stop sequence runs here. Called on the supervising thread, after its loop
     * ended, there is nothing left to do.
     */
    void shutdown() {
        final Thread t = thread;
        if (t == null) {
            stop.run();
        } else if (t != Thread.currentThread()) {
            events.requestStop();
            try {
                t.join();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            int running = members.started();
            while (running > 0 && !stop.stopping()) {
                final Event event = events.take();
                if (event instanceof Exited exit) {
                    if (onExit(exit)) {
                        running--;
                    }
                } else {
                    console.info("stop requested");
                    stop.stopMembers();
                }
            }
            if (!stop.stopping()) {
                console.info("every member has exited");
            }
        } catch (final InterruptedException e) {
            stop.stopMembers();
            Thread.currentThread().interrupt();
        } finally {
            stop.run();
        }
    }

    /** @return whether the member has no JVM running any more (its exit ends it, rather than a restart replacing it) */
    private boolean onExit(final Exited exit) {
        final MemberProcess m = exit.member();
        if (exit.process() != m.process()) {
            return false;
        }
        if (exit.code() == 0) {
            console.info(m.name() + " (pid " + exit.process().pid() + ") exited with code 0");
            return true;
        }
        console.info(m.name() + " (pid " + exit.process().pid() + ") died: exit code " + exit.code() + ExitCodes.describe(exit.code()));
        final int max = m.spec().restart().maxRestarts();
        if (m.restarts() < max && !group.isLost()) {
            m.restarted();
            console.info("restarting " + m.name() + " (restart " + m.restarts() + " of " + max + ")");
            freeName(m.name());
            spawner.spawn(m);
            probe.awaitReady(List.of(m)).ifPresent(why -> {
                console.info(why);
                m.kill();
            });
            return false;
        }
        failures.add(m.name() + " exited with code " + exit.code() + (max > 0 ? " after " + max + " restarts" : "")
            + FailureOutput.describe(m.output()));
        console.info(m.name() + " failed for good (restart = " + m.spec().restart() + ")");
        if (onFailure == FailureAction.SHUTDOWN) {
            console.info("stopping the group (on-failure = shutdown)");
            stop.stopMembers();
        }
        return true;
    }

    /** Reaps the dead JVM's entry so the name can be joined again (the reaper thread may be reaping it too). */
    private void freeName(final String name) {
        final long deadline = System.nanoTime() + FREE_NAME_NANOS;
        group.reap();
        while (!MemberHandle.isNull(group.lookup(name)) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(ReadinessProbe.POLL_NANOS);
            group.reap();
        }
    }
}
