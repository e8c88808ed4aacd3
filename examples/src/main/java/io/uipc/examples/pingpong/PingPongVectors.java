package io.uipc.examples.pingpong;

import io.uipc.core.WaitPolicy;

/** The ping-pong protocol: one ping vector per wait policy (pong waits that way from then on), one reply vector, stop. */
final class PingPongVectors {
    /** Ping's reply vector. */
    static final int REPLY = 13;
    /** Tells pong to exit. */
    static final int STOP = 14;
    private static final int FIRST_PING = 10;

    private PingPongVectors() {
    }

    /** @param policy a wait policy @return the ping vector that asks pong to wait that way */
    static int ping(final WaitPolicy policy) {
        return FIRST_PING + policy.ordinal();
    }

    /** @param vectors vectors taken @return the policy of the ping among them, or null */
    static WaitPolicy policyOf(final long vectors) {
        for (final WaitPolicy p : WaitPolicy.values()) {
            if ((vectors & (1L << ping(p))) != 0) {
                return p;
            }
        }
        return null;
    }
}
