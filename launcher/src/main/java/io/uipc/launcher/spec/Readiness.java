package io.uipc.launcher.spec;

/** When the launcher considers a started process ready, before it starts the next order. */
public enum Readiness {
    /**
     * Its name is ACTIVE in the group's process table for the spawned pid, and it accepts the
     * shutdown vector (0). {@link io.uipc.launcher.LaunchedMember#join(int...)} publishes that
     * vector last, after the member's own vectors, so a ready member accepts all of them.
     */
    REGISTERED,
    /** Its name is ACTIVE for the spawned pid: for members that do not accept the shutdown vector. */
    JOINED,
    /** As soon as the JVM is spawned: for processes that never join the group. */
    STARTED;

    /**
     * Parses a spec value.
     *
     * @param text {@code registered}, {@code joined} or {@code started}
     * @return the readiness
     */
    public static Readiness parse(final String text) {
        for (final Readiness r : values()) {
            if (r.name().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("expected 'registered', 'joined' or 'started', got '" + text + "'");
    }
}
