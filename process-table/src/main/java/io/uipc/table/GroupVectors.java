package io.uipc.table;

/**
 * Vectors with a meaning fixed by the launcher, for every launched group. They live here, beside
 * {@link GroupEnvironment}, because a member needs them and a member needs only this module.
 *
 * <p>{@link #SHUTDOWN} (vector 0): the launcher posts it to each member when the group stops
 * (Ctrl-C, SIGTERM, a member failing for good, the end of a test). A member that accepts it
 * should leave the group and exit with code 0 (the launcher's {@code LaunchedMember} does).
 * Members that do not accept it get SIGTERM instead. Either way, members still running after the grace period are
 * killed. Applications use vectors 1..63.
 */
public final class GroupVectors {
    /** Stop cleanly: leave the group and exit 0 within the grace period. */
    public static final int SHUTDOWN = 0;
    /** {@link #SHUTDOWN} as a bit in a set of taken vectors. */
    public static final long SHUTDOWN_BIT = 1L << SHUTDOWN;

    private GroupVectors() {
    }
}
