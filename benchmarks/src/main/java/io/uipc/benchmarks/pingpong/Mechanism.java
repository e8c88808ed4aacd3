package io.uipc.benchmarks.pingpong;

import io.uipc.core.WaitPolicy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The channels the ping-pong benchmark compares: uipc under each wait policy, and the alternatives. */
public enum Mechanism {
    /** uipc, both receivers busy-spinning ({@link WaitPolicy#SPIN}). */
    UIPC_SPIN("uipc-spin", WaitPolicy.SPIN),
    /** uipc, both receivers sleeping in the kernel at once ({@link WaitPolicy#BLOCK}). */
    UIPC_BLOCK("uipc-block", WaitPolicy.BLOCK),
    /** uipc's default policy ({@link WaitPolicy#SPIN_YIELD_BLOCK}). */
    UIPC_DEFAULT("uipc-default", WaitPolicy.SPIN_YIELD_BLOCK),
    /** A Unix domain stream socket through java.nio. */
    UNIX_SOCKET("unix-socket", null),
    /** Two named pipes (mkfifo). */
    FIFO("fifo", null),
    /** SIGUSR1 sent with kill(2), taken by a {@code sun.misc.Signal} handler. */
    SIGNAL("signal", null);

    private final String label;
    private final WaitPolicy policy;

    Mechanism(final String label, final WaitPolicy policy) {
        this.label = label;
        this.policy = policy;
    }

    /** {@return the name used in options, tables and JSON ("uipc-spin", "fifo"...)} */
    public String label() {
        return label;
    }

    /** {@return whether this is uipc (needs an interrupt domain)} */
    public boolean isUipc() {
        return policy != null;
    }

    /**
     * @param role    which side
     * @param workDir the run's directory, for endpoint files
     * @param backend uipc backend name
     * @return a new, unprepared transport for that side
     */
    Transport transport(final Role role, final Path workDir, final String backend) {
        if (isUipc()) {
            return new UipcTransport(workDir, backend, policy);
        }
        switch (this) {
            case UNIX_SOCKET: return new UnixSocketTransport(role, workDir);
            case FIFO: return new FifoTransport(role, workDir);
            case SIGNAL: return new SignalTransport();
            default: throw new AssertionError(this);
        }
    }

    /**
     * {@return the mechanism with that label}
     *
     * @param label a {@link #label()}, any case
     * @throws IllegalArgumentException if none has that label
     */
    public static Mechanism parse(final String label) {
        final String l = label.trim().toLowerCase(Locale.ROOT);
        for (final Mechanism m : values()) {
            if (m.label.equals(l)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mechanism '" + label + "': use one of "
            + Arrays.stream(values()).map(Mechanism::label).collect(Collectors.joining(", ")));
    }
}
