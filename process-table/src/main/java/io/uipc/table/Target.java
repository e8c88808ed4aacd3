package io.uipc.table;

import io.uipc.core.InterruptDomain;
import io.uipc.core.SendResult;

/**
 * A resolved send target: member handle (slot, generation) and the UITT handle it published
 * for a vector. Senders cache targets; a send after the member died or its slot was reused
 * fails with {@link SendResult#STALE_ENTRY} and never reaches the newcomer.
 */
public final class Target {
    private final InterruptDomain domain;
    private final String name;
    private final int vector;
    private final long memberHandle;
    private final long uittHandle;

    Target(final InterruptDomain domain, final String name, final int vector, final long memberHandle, final long uittHandle) {
        this.domain = domain;
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
     * SENDUIPI to the target. Allocates nothing.
     *
     * @return a {@link SendResult} code
     */
    public int send() {
        return domain.send(uittHandle);
    }

    @Override
    public String toString() {
        return "Target[" + name + " vector " + vector + "]";
    }
}
