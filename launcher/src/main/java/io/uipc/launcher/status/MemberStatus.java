package io.uipc.launcher.status;

import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;

/**
 * One table entry as the tools show it: the entry, whether its holder lives, and its receiver's
 * and inbox's counters.
 *
 * @param entry        the table entry
 * @param live         whether the entry's holder is alive (its liveness lock is held)
 * @param coalesced    sends to its receiver that coalesced with a pending vector
 * @param wakeups      kernel wake-ups senders made for its receiver
 * @param mailboxDepth unread records in its inbox, or -1 if it has none
 */
public record MemberStatus(MemberInfo entry, boolean live, long coalesced, long wakeups, int mailboxDepth) {
    /** The state shown for an active entry whose holder is gone and not reaped yet. */
    public static final String DEAD = "dead";

    /**
     * The state, agreeing with liveness: an active entry whose holder is gone is {@value #DEAD}.
     *
     * @return free, claiming, active, exiting, dead, or corrupt(code)
     */
    public String state() {
        return entry.state() == MemberState.ACTIVE && !live ? DEAD : entry.stateLabel();
    }

    /**
     * Tells whether the member has an inbox.
     *
     * @return whether {@link #mailboxDepth} was read
     */
    public boolean hasInbox() {
        return mailboxDepth >= 0;
    }
}
