package io.uipc.launcher;

import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.table.GroupVectors;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The one way a launch ends, in four steps:
 *
 * <ol>
 *   <li>ask: {@link GroupVectors#SHUTDOWN} to each member registered for its current JVM and
 *       accepting the vector, SIGTERM to the others' whole process groups (and to those the vector
 *       could not reach);</li>
 *   <li>wait up to the grace period (a second stop request cuts it short);</li>
 *   <li>SIGKILL stragglers, which counts as a failure, and whatever is left of every member's
 *       process group (what the members started);</li>
 *   <li>tear the group down ({@link LaunchGroup#teardown()}).</li>
 * </ol>
 *
 * Steps 1 to 3 run at most once, step 4 at most once. A JVM shutdown hook, armed while the group
 * is open, covers a launcher JVM that exits without running the sequence (System.exit, an
 * uncaught error, SIGTERM to a test JVM): there is no time for grace, so it goes straight to
 * SIGKILL and teardown. Both flags are atomic because the hook runs on its own thread, possibly
 * while the supervisor is mid-sequence; everything else the hook reads is final, or volatile in
 * {@link MemberProcess}.
 */
final class StopSequence {
    /** How often a stopping JVM is checked for a second stop request during the grace period. */
    private static final long FORCE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How long a killed JVM may take to be gone before its exit code is given up on (-1). */
    private static final long EXIT_WAIT_SECONDS = 10;
    private final Duration gracePeriod;
    private final MemberRoster members;
    private final LaunchGroup group;
    private final LaunchEvents events;
    private final LaunchFailures failures;
    private final LaunchConsole console;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean tornDown = new AtomicBoolean();
    private final Thread hook = new Thread(this::onJvmExit, "uipc-launcher-cleanup");

    /**
     * @param gracePeriod how long members may take to stop
     * @param members     the launch's members
     * @param group       the opened group, torn down at the end
     * @param events      whose second stop request skips the rest of the grace period
     * @param failures    where stragglers and bad exit codes are recorded
     * @param console     where progress goes
     */
    StopSequence(final Duration gracePeriod, final MemberRoster members, final LaunchGroup group, final LaunchEvents events,
                 final LaunchFailures failures, final LaunchConsole console) {
        this.gracePeriod = gracePeriod;
        this.members = members;
        this.group = group;
        this.events = events;
        this.failures = failures;
        this.console = console;
    }

    /** Arms the JVM shutdown hook; {@link #teardown()} disarms it. */
    void armHook() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return whether the members are being stopped or were stopped */
    boolean stopping() {
        return stopping.get();
    }

    /** Stops the members if not done yet, then tears the group down if not done yet. */
    void run() {
        stopMembers();
        teardown();
    }

    /** Steps 1 to 3: asks every running member to stop, waits the grace period, kills stragglers. */
    void stopMembers() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        final List<MemberProcess> alive = members.all().stream().filter(MemberProcess::isAlive).collect(Collectors.toList());
        if (alive.isEmpty()) {
            return;
        }
        final Set<MemberProcess> termed = askToStop(alive);
        final long deadline = System.nanoTime() + gracePeriod.toNanos();
        for (final MemberProcess m : alive) {
            awaitExit(m.process(), deadline);
        }
        for (final MemberProcess m : alive) {
            if (m.isAlive()) {
                m.signalGroup(UnixProcessGroup.SIGKILL);
                failures.add(m.name() + " did not stop within the grace period");
                console.info(m.name() + " (pid " + m.pid() + ") still running after the grace period: killed");
            }
        }
        for (final MemberProcess m : alive) {
            final int code = exitCode(m.process());
            m.signalGroup(UnixProcessGroup.SIGKILL);
            final boolean expected = code == 0 || code == ExitCodes.SIGKILLED || termed.contains(m) && code == ExitCodes.SIGTERMED;
            if (!expected) {
                failures.add(m.name() + " exited with code " + code + " while stopping");
                console.info(m.name() + " exited with code " + code + ExitCodes.describe(code) + " while stopping");
            }
        }
        console.info("all members stopped");
    }

    /** @return the members sent SIGTERM rather than the shutdown vector */
    private Set<MemberProcess> askToStop(final List<MemberProcess> alive) {
        final Map<MemberProcess, Target> vectored = new LinkedHashMap<>();
        final List<MemberProcess> termed = new ArrayList<>();
        for (final MemberProcess m : alive) {
            shutdownTarget(m).ifPresentOrElse(t -> vectored.put(m, t), () -> termed.add(m));
        }
        console.info("stopping " + alive.size() + " members" + (vectored.isEmpty() ? "" : ": shutdown vector " + GroupVectors.SHUTDOWN
            + " to " + MemberRoster.names(vectored.keySet())) + (termed.isEmpty() ? "" : (vectored.isEmpty() ? ": " : "; ")
            + "SIGTERM to " + MemberRoster.names(termed)) + "; grace period " + gracePeriod.toMillis() + " ms");
        vectored.forEach((m, t) -> {
            if (!posted(t)) {
                termed.add(m);
            }
        });
        termed.forEach(m -> m.signalGroup(UnixProcessGroup.SIGTERM));
        return Set.copyOf(termed);
    }

    /**
     * @return the member's shutdown target, if its current JVM is registered and accepts the vector, and the group's files
     *     are intact: a group lost to truncation faults where its mapping is touched (an {@code InternalError})
     */
    private Optional<Target> shutdownTarget(final MemberProcess m) {
        final ProcessGroup g = group.group();
        if (g.isLost()) {
            return Optional.empty();
        }
        try {
            return g.member(m.name()).filter(info -> info.pid() == m.pid()).map(info -> g.resolve(m.name(), GroupVectors.SHUTDOWN));
        } catch (final UipcException | InternalError e) {
            return Optional.empty();
        }
    }

    /** @return whether the shutdown vector was posted; not if the domain faulted (truncated under the launch) */
    private static boolean posted(final Target t) {
        try {
            return SendResult.isPosted(t.send());
        } catch (final InternalError e) {
            return false;
        }
    }

    /** Waits until the JVM exits, the deadline passes, or a second stop request skips the wait. */
    private void awaitExit(final Process p, final long deadline) {
        try {
            while (!events.forceRequested() && p.isAlive()) {
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                p.waitFor(Math.min(left, FORCE_CHECK_NANOS), TimeUnit.NANOSECONDS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int exitCode(final Process p) {
        try {
            if (p.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return p.exitValue();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** Step 4: disarms the hook and tears the group down, once. */
    void teardown() {
        if (!tornDown.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (final IllegalStateException e) {
            // the JVM is already shutting down: this runs from the hook
        }
        group.teardown();
    }

    /** The shutdown hook: the JVM is exiting without having stopped the group. */
    private void onJvmExit() {
        if (tornDown.get()) {
            return;
        }
        for (final MemberProcess m : members.all()) {
            m.signalGroup(UnixProcessGroup.SIGKILL);
        }
        for (final MemberProcess m : members.all()) {
            if (m.process() != null) {
                exitCode(m.process());
            }
        }
        teardown();
    }
}
