package io.uipc.launcher;

import io.uipc.launcher.spec.Readiness;
import io.uipc.table.MemberHandle;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import io.uipc.table.GroupVectors;
import io.uipc.table.ProcessGroup;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides when a started member JVM is ready, per its spec's {@link Readiness}, by polling the
 * group's process table: {@code registered} waits for the name, ACTIVE for the spawned pid, and
 * the shutdown vector published; {@code joined} for the name only; {@code started} does not
 * wait. While members are not ready, a line {@code still waiting for NAME (n s)} goes to the
 * console's progress stream ({@link WaitProgress} says when). Waits end at the spec's {@code ready-timeout}, when the JVM exits first, or on a stop
 * request; the reason is reported in words for the user, quoting the member's last output line or
 * exception ({@link FailureOutput}).
 */
final class ReadinessProbe {
    /** How often the table is polled: readiness takes a JVM start, tens of milliseconds at least. */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** How long a report of an early exit waits for the rest of the member's output, to quote its last line. */
    private static final long OUTPUT_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final ProcessGroup group;
    private final Duration readyTimeout;
    private final LaunchEvents events;
    private final LaunchConsole console;

    /**
     * @param group        the group the members join
     * @param readyTimeout how long a started JVM may take to be ready
     * @param events       whose stop requests end a wait
     * @param console      where each member's readiness is reported
     */
    ReadinessProbe(final ProcessGroup group, final Duration readyTimeout, final LaunchEvents events, final LaunchConsole console) {
        this.group = group;
        this.readyTimeout = readyTimeout;
        this.events = events;
        this.console = console;
    }

    /**
     * Waits until the just-started members are ready, reporting each.
     *
     * @param started members whose JVMs were just started
     * @return empty when all are ready, else why not (a member exited, timed out, or a stop was requested)
     */
    Optional<String> awaitReady(final Collection<MemberProcess> started) {
        final long t0 = System.nanoTime();
        final long deadline = t0 + readyTimeout.toNanos();
        final WaitProgress progress = new WaitProgress();
        final Set<MemberProcess> waiting = new LinkedHashSet<>();
        for (final MemberProcess m : started) {
            if (m.spec().readiness() != Readiness.STARTED) {
                waiting.add(m);
            } else {
                console.info("  " + m.name() + " started: pid " + m.pid());
            }
        }
        while (!waiting.isEmpty()) {
            if (events.stopRequested() || Thread.currentThread().isInterrupted()) {
                return Optional.of((events.stopRequested() ? "stop requested" : "interrupted") + " while waiting for "
                    + MemberRoster.names(waiting) + " to register");
            }
            for (final Iterator<MemberProcess> it = waiting.iterator(); it.hasNext();) {
                final MemberProcess m = it.next();
                if (isRegistered(m)) {
                    console.info("  " + m.name() + " registered: pid " + m.pid() + ", "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - m.startNanos()) + " ms");
                    it.remove();
                } else if (!m.isAlive()) {
                    final int code = m.process().exitValue();
                    m.awaitOutputEnd(OUTPUT_DRAIN_NANOS);
                    return Optional.of(m.name() + " (" + m.spec().mainClass() + ") exited with code " + code
                        + ExitCodes.describe(code) + " before it registered in the group" + FailureOutput.describe(m.output()));
                }
            }
            final long now = System.nanoTime();
            final long seconds = waiting.isEmpty() ? -1 : progress.due(now - t0);
            if (seconds >= 0) {
                console.progress("still waiting for " + MemberRoster.names(waiting) + " (" + seconds + " s)");
            }
            if (!waiting.isEmpty() && now - deadline > 0) {
                return Optional.of(MemberRoster.names(waiting) + " did not register in the group within " + readyTimeout.toMillis()
                    + " ms (ready-timeout); 'ready = registered' waits for its name and the shutdown vector 0, as"
                    + " LaunchedMember.join() publishes them; use 'ready = joined' for members that do not accept vector 0");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return Optional.empty();
    }

    /**
     * Waits until a member's current JVM is registered (after a restart, say).
     *
     * @param m       the member
     * @param timeout how long
     * @return whether it is registered
     */
    boolean awaitRegistered(final MemberProcess m, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!isRegistered(m)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /**
     * @return whether the table holds the member's name, ACTIVE for its current JVM, with the shutdown vector if its
     *     readiness asks for it
     */
    private boolean isRegistered(final MemberProcess m) {
        final long handle = group.lookup(m.name());
        if (MemberHandle.isNull(handle)
            || m.spec().readiness() == Readiness.REGISTERED && group.uittHandle(handle, GroupVectors.SHUTDOWN) == ProcessGroup.NO_UITT_HANDLE) {
            return false;
        }
        final Optional<MemberInfo> info = group.member(m.name());
        return info.isPresent() && info.get().pid() == m.pid() && info.get().state() == MemberState.ACTIVE;
    }
}
