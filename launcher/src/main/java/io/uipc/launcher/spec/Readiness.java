package io.uipc.launcher.spec;

/** When the launcher considers a started process ready, before it starts the next order. */
public enum Readiness {
    /** Its member name is ACTIVE in the group's process table, joined by the spawned pid. */
    REGISTERED,
    /** As soon as the JVM is spawned: for processes that never join the group. */
    STARTED;

    /**
     * @param text {@code registered} or {@code started}
     * @return the readiness
     */
    public static Readiness parse(final String text) {
        for (final Readiness r : values()) {
            if (r.name().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("expected 'registered' or 'started', got '" + text + "'");
    }
}
