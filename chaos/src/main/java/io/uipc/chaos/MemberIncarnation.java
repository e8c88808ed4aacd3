package io.uipc.chaos;

import io.uipc.table.MemberHandle;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.Signal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One incarnation of a chaos member: its child JVM ({@link ChaosMember}, driven by
 * {@link JvmProcess}), the member handle it announced when ready, and what the run did to it:
 * SIGKILL, SIGSTOP and SIGCONT. A wait that fails is a violation for the run to report, not
 * an exception: the methods that wait say whether the member answered, and {@link #failure()}
 * says why not, quoting the member's last output.
 */
final class MemberIncarnation {
    private static final String READY = "ready ";

    private final String name;
    private final int incarnation;
    private final JvmProcess process;
    private long handle = MemberHandle.NULL;
    private String failure = "";
    private boolean stopped;
    private boolean killed;

    private MemberIncarnation(final String name, final int incarnation, final JvmProcess process) {
        this.name = name;
        this.incarnation = incarnation;
        this.process = process;
    }

    static MemberIncarnation start(final String name, final int incarnation, final Map<String, String> env,
                                   final List<String> jvmOptions, final List<String> args) {
        return new MemberIncarnation(name, incarnation, JvmProcess.builder(name + "." + incarnation, ChaosMember.class)
            .jvmOptions(jvmOptions).environment(env).args(args).start());
    }

    /**
     * Waits for the member to announce that it joined; its handle is then known.
     *
     * @return whether it did within the run's deadline
     */
    boolean awaitReady() {
        return attempt(() -> {
            handle = parseHandle(process.expect(READY, ChaosRun.MEMBER_DEADLINE));
            return true;
        });
    }

    /**
     * Writes a command ({@link ChaosMember} lists them) for {@link #answered} to wait for; a
     * member that is gone fails that wait.
     *
     * @param command the command line
     */
    void send(final String command) {
        attempt(() -> {
            process.send(command);
            return true;
        });
    }

    /**
     * Waits for the reply to a command sent before.
     *
     * @param command the command
     * @return whether the member replied within the run's deadline
     */
    boolean answered(final String command) {
        return attempt(() -> {
            process.expect(command, ChaosRun.MEMBER_DEADLINE);
            return true;
        });
    }

    /**
     * Waits for the member to exit after {@code finish}.
     *
     * @return whether it exited with code 0 within the run's deadline
     */
    boolean exitedCleanly() {
        return attempt(() -> {
            final int code = process.waitFor(ChaosRun.MEMBER_DEADLINE);
            failure = code == 0 ? "" : "exit code " + code;
            return code == 0;
        });
    }

    /** The driver fails as a test would, with an AssertionError quoting the member's output; a chaos run reports it instead. */
    private boolean attempt(final Supplier<Boolean> wait) {
        try {
            return wait.get();
        } catch (final AssertionError e) {
            failure = e.getMessage();
            return false;
        }
    }

    /** SIGKILL, and wait until it is gone; the handle it announced before dying, if it did, stays known. */
    void kill() {
        killed = true;
        stopped = false;
        process.kill();
        if (MemberHandle.isNull(handle)) {
            process.poll(READY).ifPresent(line -> handle = parseHandle(line));
        }
    }

    void stop() {
        process.signal(Signal.STOP);
        stopped = true;
    }

    void resume() {
        process.signal(Signal.CONT);
        stopped = false;
    }

    /** Ends the JVM whatever happened (killing it at once if stopped), for teardown. */
    void destroy() {
        process.close();
    }

    private static long parseHandle(final String readyLine) {
        return Long.parseLong(readyLine.substring(READY.length()).trim());
    }

    String name() {
        return name;
    }

    int incarnation() {
        return incarnation;
    }

    /**
     * The member handle it printed when ready.
     *
     * @return the handle, or {@link MemberHandle#NULL}
     */
    long handle() {
        return handle;
    }

    boolean isStopped() {
        return stopped;
    }

    boolean isKilled() {
        return killed;
    }

    /**
     * Why the last wait failed.
     *
     * @return the failure, quoting the member's last output
     */
    String failure() {
        return failure;
    }
}
