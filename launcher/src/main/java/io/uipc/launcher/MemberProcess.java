package io.uipc.launcher;

import io.uipc.launcher.spec.ProcessSpec;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's view of one member: its spec, its current JVM (a restart replaces it), its
 * restarts and its output. Thread-safe.
 */
public final class MemberProcess {
    private final String name;
    private final ProcessSpec spec;
    private final OutputLog output = new OutputLog();
    /**
     * The current JVM, replaced by a restart. Volatile: written by the starting or supervising
     * thread, read by the shutdown hook, the stop sequence and callers of {@link #pid()} and the like.
     */
    private volatile Process process;
    /** Written only by the supervising thread (so {@code ++} does not race); volatile for readers elsewhere. */
    private volatile int restarts;
    /** Read only by the thread that started the JVM (its readiness report); volatile like {@link #process}. */
    private volatile long startNanos;
    /** The current JVM's output pump, replaced with {@link #process}. */
    private volatile OutputPump pump;
    /** Whether the current JVM leads its own process group (started under setsid). */
    private volatile boolean ownGroup;

    MemberProcess(final String name, final ProcessSpec spec) {
        this.name = name;
        this.spec = spec;
    }

    /**
     * Gives the member's name.
     *
     * @return the member name
     */
    public String name() {
        return name;
    }

    /**
     * Gives the spec the member was made from.
     *
     * @return the spec of its kind
     */
    public ProcessSpec spec() {
        return spec;
    }

    /**
     * Gives the member's output log.
     *
     * @return its output, every incarnation, stdout and stderr merged
     */
    public OutputLog output() {
        return output;
    }

    /**
     * Gives the pid of the member's current JVM.
     *
     * @return the OS pid of its current JVM, or -1 before it started
     */
    public long pid() {
        final Process p = process;
        return p == null ? -1 : p.pid();
    }

    /**
     * Tells whether the member's current JVM runs.
     *
     * @return whether its current JVM runs
     */
    public boolean isAlive() {
        final Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Gives the exit code of the member's current JVM.
     *
     * @return the exit code of its current JVM, if it exited
     */
    public OptionalInt exitCode() {
        final Process p = process;
        return p == null || p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
    }

    /**
     * Counts the member's restarts.
     *
     * @return how many times it was restarted
     */
    public int restarts() {
        return restarts;
    }

    /** Kills its current JVM with SIGKILL (as a crash would), without waiting. */
    public void kill() {
        final Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /**
     * Waits until the member's current JVM exits.
     *
     * @param timeout how long to wait
     * @return the exit code, or empty if it still runs after {@code timeout}
     * @throws InterruptedException if interrupted
     */
    public OptionalInt awaitExit(final Duration timeout) throws InterruptedException {
        final Process p = process;
        if (p == null || !p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(p.exitValue());
    }

    /**
     * Signals the current JVM and, when it leads its own process group, every process of that
     * group: what the member started stops with it.
     *
     * @param signal {@link UnixProcessGroup#SIGTERM} or {@link UnixProcessGroup#SIGKILL}
     */
    void signalGroup(final int signal) {
        final Process p = process;
        if (p == null) {
            return;
        }
        if (ownGroup) {
            UnixProcessGroup.signal(p.pid(), signal);
        } else if (signal == UnixProcessGroup.SIGKILL) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
    }

    Process process() {
        return process;
    }

    void started(final Process p, final OutputPump outputPump, final boolean leadsGroup, final long nanos) {
        this.pump = outputPump;
        this.ownGroup = leadsGroup;
        this.process = p;
        this.startNanos = nanos;
    }

    /**
     * Waits, a bounded time, for the rest of the current JVM's output, so a report of its exit
     * can quote its last line. Output still open after that is held by a process the member
     * started; no report waits for it.
     *
     * @param nanos how long to wait at most
     * @return whether the output has ended
     */
    boolean awaitOutputEnd(final long nanos) {
        final OutputPump p = pump;
        if (p == null) {
            return true;
        }
        try {
            return p.awaitEnd(nanos);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    long startNanos() {
        return startNanos;
    }

    void restarted() {
        restarts++;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
