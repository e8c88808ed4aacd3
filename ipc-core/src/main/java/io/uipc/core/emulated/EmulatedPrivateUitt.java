package io.uipc.core.emulated;

import io.uipc.core.CapacityExceededException;
import io.uipc.core.Grant;
import io.uipc.core.PrivateUitt;
import io.uipc.core.UittHandle;

import java.util.HashMap;
import java.util.Map;

/**
 * A sender's private UITT (the RFC's model) in this process's memory, over a domain's UPIDs.
 * Registration checks each grant against the UPID table, as the RFC checks the vector fd, so an
 * entry only ever targets a slot that was claimed with the grant's generation when registered;
 * a receiver that leaves later is caught by the generation check of every send.
 */
final class EmulatedPrivateUitt implements PrivateUitt {
    private final UittTable table;
    private final UpidTable upids;
    private final int[] generations;
    private final Grant[] grants;
    private final Map<Grant, Integer> registered = new HashMap<>();

    EmulatedPrivateUitt(final UittTable table, final UpidTable upids) {
        this.table = table;
        this.upids = upids;
        this.generations = new int[table.capacity()];
        this.grants = new Grant[table.capacity()];
    }

    @Override
    public int register(final Grant grant) {
        if (grant.upidIndex() >= upids.capacity()) {
            throw new IllegalArgumentException("grant names UPID " + grant.upidIndex() + ", beyond this domain's "
                + upids.capacity() + " slots: it was minted in another domain");
        }
        final Integer existing = registered.get(grant);
        if (existing != null) {
            throw new IllegalStateException(grant.encode() + " is registered already, at private UITT index " + existing
                + " (the RFC's EISCONN)");
        }
        checkClaimed(grant);
        final long handle = table.claim(grant.upidIndex(), grant.upidGeneration(), grant.vector());
        if (handle < 0) {
            throw new CapacityExceededException("private UITT is full: " + table.capacity() + " entries");
        }
        final int index = UittHandle.index(handle);
        generations[index] = UittHandle.generation(handle);
        grants[index] = grant;
        registered.put(grant, index);
        return index;
    }

    /** The RFC's checks of the fd: the grant's slot must be claimed with the grant's generation. */
    private void checkClaimed(final Grant grant) {
        final int index = grant.upidIndex();
        final int generation = grant.upidGeneration();
        final int current = upids.generation(index);
        final boolean claimed = UpidDescriptor.isClaimed(generation);
        if (claimed && current == generation && upids.isClaimedBy(index, generation)) {
            return;
        }
        final String upid = "UPID " + index + "@" + Integer.toUnsignedString(generation);
        if (claimed && Integer.compareUnsigned(generation, current) <= 0) {
            throw new IllegalArgumentException(grant.encode() + ": receiver " + upid + " is gone, its slot is now at generation "
                + Integer.toUnsignedString(current) + " (the RFC's ECONNRESET)");
        }
        throw new IllegalArgumentException(grant.encode() + ": " + upid + " was never claimed with that generation, its slot is at "
            + Integer.toUnsignedString(current) + " (the RFC's EBADF: a forged or free grant)");
    }

    @Override
    public int send(final int index) {
        return table.sendIndex(index);
    }

    @Override
    public boolean unregister(final int index) {
        if (index < 0 || index >= generations.length || !table.invalidate(UittHandle.of(index, generations[index]))) {
            return false;
        }
        registered.remove(grants[index]);
        grants[index] = null;
        return true;
    }

    @Override
    public int capacity() {
        return table.capacity();
    }

    @Override
    public long footprintBytes() {
        return (long) table.capacity() * UittDescriptor.LENGTH;
    }
}
