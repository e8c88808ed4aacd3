package io.uipc.launcher.spec;

/** What the launcher does when a process fails for good (non-zero exit, no restart left). */
public enum FailureAction {
    /** Stop the whole group, as a database instance stops when a background process dies. */
    SHUTDOWN,
    /** Report it and keep supervising the others; the launch still exits non-zero at the end. */
    CONTINUE;

    /**
     * Parses a spec value.
     *
     * @param text {@code shutdown} or {@code continue}
     * @return the action
     */
    public static FailureAction parse(final String text) {
        for (final FailureAction a : values()) {
            if (a.name().equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("expected 'shutdown' or 'continue', got '" + text + "'");
    }
}
