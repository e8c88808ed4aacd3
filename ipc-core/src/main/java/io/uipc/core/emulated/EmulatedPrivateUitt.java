package io.uipc.core.emulated;

import io.uipc.core.CapacityExceededException;
import io.uipc.core.Grant;
import io.uipc.core.PrivateUitt;
import io.uipc.core.UittHandle;

/** A sender's private UITT (the RFC's model) in this process's memory, over a domain's UPIDs. */
final class EmulatedPrivateUitt implements PrivateUitt {
    private final UittTable table;
    private final UpidTable upids;
    private final int[] generations;

    EmulatedPrivateUitt(final UittTable table, final UpidTable upids) {
        this.table = table;
        this.upids = upids;
        this.generations = new int[table.capacity()];
    }

    @Override
    public int register(final Grant grant) {
        if (grant.upidIndex() >= upids.capacity()) {
            throw new IllegalArgumentException("grant names UPID " + grant.upidIndex() + ", beyond this domain's "
                + upids.capacity() + " slots: it was minted in another domain");
        }
        final long handle = table.claim(grant.upidIndex(), grant.upidGeneration(), grant.vector());
        if (handle < 0) {
            throw new CapacityExceededException("private UITT is full: " + table.capacity() + " entries");
        }
        final int index = UittHandle.index(handle);
        generations[index] = UittHandle.generation(handle);
        return index;
    }

    @Override
    public int send(final int index) {
        return table.sendIndex(index);
    }

    @Override
    public boolean unregister(final int index) {
        if (index < 0 || index >= generations.length) {
            return false;
        }
        return table.invalidate(UittHandle.of(index, generations[index]));
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
