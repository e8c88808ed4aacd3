package io.uipc.core;

/** How a receiver waits in {@link Receiver#await(long, java.util.concurrent.TimeUnit)}. */
public enum WaitPolicy {
    /** Busy-spin on the UPID: lowest latency, burns a core while waiting. */
    SPIN(Integer.MAX_VALUE, 0),
    /** Sleep in the kernel (futex) at once: no CPU while idle, a kernel wake-up per delivery. */
    BLOCK(0, 0),
    /** Spin briefly, then yield, then sleep in the kernel. The default. */
    SPIN_YIELD_BLOCK(20_000, 50);

    private final int spins;
    private final int yields;

    WaitPolicy(final int spins, final int yields) {
        this.spins = spins;
        this.yields = yields;
    }

    /**
     * Returns the busy-spin iterations before yielding.
     *
     * @return busy-spin iterations before yielding
     */
    public int spins() {
        return spins;
    }

    /**
     * Returns the {@link Thread#yield()} calls before blocking.
     *
     * @return {@link Thread#yield()} calls before blocking
     */
    public int yields() {
        return yields;
    }

    /**
     * Reads a policy by name.
     *
     * @param name a policy name, any case, '-' or '_' ("spin", "block", "spin-yield-block", "default")
     * @return the policy
     */
    public static WaitPolicy parse(final String name) {
        final String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (n.equals("DEFAULT")) {
            return SPIN_YIELD_BLOCK;
        }
        for (final WaitPolicy p : values()) {
            if (p.name().equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown wait policy '" + name + "': use spin, block or spin-yield-block");
    }
}
