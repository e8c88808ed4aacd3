package io.uipc.launcher;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the supervisor reacts to, in arrival order: a member JVM's exit (posted by the member's
 * output pump once the output ends) and stop requests (posted from any thread, signal handlers
 * included). The queue hands each event over with a happens-before edge; the two request flags
 * are read by the readiness probe and the stop sequence while they wait, outside the queue.
 */
final class LaunchEvents {
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Set by a second stop request, from any thread; read by the stop sequence's grace wait. */
    private volatile boolean forceRequested;

    /**
     * Posts a member JVM's exit.
     *
     * @param member  the member
     * @param process the JVM that exited (a restart may have replaced it since)
     * @param code    its exit code
     */
    void exited(final MemberProcess member, final Process process, final int code) {
        queue.add(new Exited(member, process, code));
    }

    /** Posts a stop request; a second request also asks to skip the rest of the grace period. */
    void requestStop() {
        if (!stopRequested.compareAndSet(false, true)) {
            forceRequested = true;
        }
        queue.add(new StopRequested());
    }

    /** @return whether a stop was requested */
    boolean stopRequested() {
        return stopRequested.get();
    }

    /** @return whether a second stop request asked to skip the rest of the grace period */
    boolean forceRequested() {
        return forceRequested;
    }

    /**
     * @return the next event, waiting for one
     * @throws InterruptedException if interrupted while waiting
     */
    Event take() throws InterruptedException {
        return queue.take();
    }

    /** An event for the supervisor. */
    sealed interface Event permits Exited, StopRequested {
    }

    /**
     * A member's JVM exited.
     *
     * @param member  the member
     * @param process the JVM that exited
     * @param code    its exit code
     */
    record Exited(MemberProcess member, Process process, int code) implements Event {
    }

    /** Someone asked the group to stop (Ctrl-C, SIGTERM, {@link GroupLauncher#shutdown()}). */
    record StopRequested() implements Event {
    }
}
