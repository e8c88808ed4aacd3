package io.uipc.launcher.spec;

/**
 * What the launcher does when a process exits with a non-zero code: {@code never} restart it,
 * or restart it {@code on-failure} at most {@code maxRestarts} times. A process that exits with
 * code 0 is never restarted.
 *
 * @param maxRestarts restarts allowed over the launch; 0 is {@code never}
 */
public record RestartPolicy(int maxRestarts) {
    /** Never restart. */
    public static final RestartPolicy NEVER = new RestartPolicy(0);
    private static final String ON_FAILURE = "on-failure:";

    /**
     * Checks the field.
     *
     * @param maxRestarts restarts allowed over the launch; 0 is {@code never}
     */
    public RestartPolicy {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maximum restarts must not be negative: " + maxRestarts);
        }
    }

    /**
     * Makes an on-failure policy.
     *
     * @param max restarts allowed
     * @return restart on failure, at most {@code max} times
     */
    public static RestartPolicy onFailure(final int max) {
        return new RestartPolicy(max);
    }

    /**
     * Parses a spec value.
     *
     * @param text {@code never} or {@code on-failure:MAX}
     * @return the policy
     * @throws IllegalArgumentException if the text is neither
     */
    public static RestartPolicy parse(final String text) {
        if (text.equals("never")) {
            return NEVER;
        }
        if (text.startsWith(ON_FAILURE)) {
            try {
                return new RestartPolicy(Integer.parseInt(text.substring(ON_FAILURE.length())));
            } catch (final IllegalArgumentException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("expected 'never' or 'on-failure:MAX' (MAX a number of restarts), got '" + text + "'");
    }

    @Override
    public String toString() {
        return maxRestarts == 0 ? "never" : ON_FAILURE + maxRestarts;
    }
}
