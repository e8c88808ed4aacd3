package io.uipc.table;

import io.uipc.core.InterruptDomain;
import io.uipc.core.SendResult;

/**
 * A resolved send target: member handle (slot, generation) and the UITT handle it published
 * for a vector. Senders cache targets; a send after the member died or its slot was reused
 * fails with {@link SendResult#STALE_ENTRY} and never reaches the newcomer.
 *
 * <p>A member whose process died keeps its entry, UPID and UITT entries until a reaper reclaims
 * them, and with no reaper running (no launcher, no other member) that is never: the domain
 * alone would go on accepting sends into its UPID. So a successful send also asks, at most once
 * per tick of a {@value CoarseClock#TICK_MILLIS} ms clock per target, whether the member's
 * process still holds its liveness lock, and reports {@link SendResult#STALE_ENTRY} from then on
 * if it does not. A send that finds the member dead posted into a UPID nobody will take from.
 * Only a send within one tick of a check that found the member alive can still report success
 * after its death, like a send that raced the death. The hot path adds one volatile load.
 *
 * <p>Thread-safety: a target may be shared by sending threads; the fields behind the liveness
 * check are plain, and a race between two senders costs at most an extra check.
 */
public final class Target {
    private final InterruptDomain domain;
    private final MemberLiveness liveness;
    private final String name;
    private final int vector;
    private final long memberHandle;
    private final long uittHandle;
    /** The clock tick of the last liveness check that found the member alive; 0 before the first. */
    private long checkedTick;
    /** Set once a check found the member gone: a member handle never comes back to life. */
    private boolean gone;

    Target(final InterruptDomain domain, final MemberLiveness liveness, final String name, final int vector,
           final long memberHandle, final long uittHandle) {
        this.domain = domain;
        this.liveness = liveness;
        this.name = name;
        this.vector = vector;
        this.memberHandle = memberHandle;
        this.uittHandle = uittHandle;
    }

    /** {@return the member's name} */
    public String name() {
        return name;
    }

    /** {@return the vector} */
    public int vector() {
        return vector;
    }

    /** {@return the member handle} */
    public long memberHandle() {
        return memberHandle;
    }

    /** {@return the UITT handle} */
    public long uittHandle() {
        return uittHandle;
    }

    /**
     * SENDUIPI to the target. Allocates nothing, except in a liveness check (once per clock tick).
     *
     * @return a {@link SendResult} code; {@link SendResult#STALE_ENTRY} once the member left, was
     *     reclaimed, or its process is found dead
     */
    public int send() {
        if (CoarseClock.now() != checkedTick && isGone()) {
            return SendResult.STALE_ENTRY;
        }
        return domain.send(uittHandle);
    }

    /**
     * The slow path, once per tick: the member's liveness, checked before the post, so that a
     * success means the vector reached a live member (checked after, a member that took the
     * vector and left at once made its own delivery look like a failure).
     */
    private boolean isGone() {
        if (gone || liveness.isGone(memberHandle)) {
            gone = true;
            return true;
        }
        checkedTick = CoarseClock.now();
        return false;
    }

    @Override
    public String toString() {
        return "Target[" + name + " vector " + vector + "]";
    }
}
