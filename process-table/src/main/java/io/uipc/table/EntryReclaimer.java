package io.uipc.table;

import io.uipc.core.InterruptDomain;
import io.uipc.core.spi.DomainMaintenance;

import java.nio.channels.FileLock;

import static io.uipc.table.MemberEntryDescriptor.ACTIVE;
import static io.uipc.table.MemberEntryDescriptor.DEAD;
import static io.uipc.table.MemberEntryDescriptor.DEATH_NOTICE_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.FREE;
import static io.uipc.table.MemberEntryDescriptor.UPID_GENERATION_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.UPID_INDEX_OFFSET;

/**
 * Turns a dead member's entry back into a free one: its UITT entries invalidated, its UPID
 * released, its name unpublished, its slot freed, the death counted; then posts the death
 * notices. The one place that does it, for the elected {@link Reaper}, a one-off reap
 * ({@code uipc reap}) and a join whose name a dead member still holds. Death is proved by the
 * slot's liveness lock alone, never by the pid, which another pid namespace may hide.
 */
final class EntryReclaimer {
    private final ProcessTable table;
    private final InterruptDomain domain;
    private final GroupLocks locks;
    private final GroupSnapshot snapshot;

    EntryReclaimer(final GroupDirectory files) {
        this.table = files.table();
        this.domain = files.domain();
        this.locks = files.locks();
        this.snapshot = new GroupSnapshot(files);
    }

    /**
     * Reclaims an entry if its owner is dead (mutation lock held): takes the slot's liveness lock,
     * which no live process holds, and frees the entry under it.
     *
     * @param slot a slot
     * @return the entry as it was before, or null if it is free or its owner lives
     */
    MemberInfo reclaimIfDead(final int slot) {
        final FileLock probe = locks.probeDead(slot);
        if (probe == null) {
            return null;
        }
        try {
            final long control = table.control(slot);
            if (MemberEntryDescriptor.state(control) == FREE) {
                return null;
            }
            final MemberInfo was = snapshot.describe(slot);
            final int generation = MemberEntryDescriptor.generation(control);
            table.putControl(slot, MemberEntryDescriptor.control(generation, DEAD));
            final int upid = table.getInt(slot, UPID_INDEX_OFFSET);
            final int upidGeneration = table.getInt(slot, UPID_GENERATION_OFFSET);
            if (upid >= 0 && upid < domain.upidCapacity() && (upidGeneration & 1) != 0) {
                DomainMaintenance.of(domain).reclaimReceiver(upid, upidGeneration);
            }
            table.indexRemove(slot);
            table.putControl(slot, MemberEntryDescriptor.control(generation, FREE));
            table.buffer().getAndAddLong(ProcessTableDescriptor.DEATHS_OFFSET, 1);
            return was;
        } finally {
            GroupLocks.releaseQuietly(probe);
        }
    }

    /** Posts the death-notice vector to every active member that asked for it. */
    void postDeathNotices() {
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            final long control = table.control(slot);
            final int vector = table.getInt(slot, DEATH_NOTICE_OFFSET);
            if (MemberEntryDescriptor.state(control) == ACTIVE && vector >= 0 && vector < 64) {
                final long handle = table.uittHandle(MemberHandle.of(slot, MemberEntryDescriptor.generation(control)), vector);
                if (handle != ProcessGroup.NO_UITT_HANDLE) {
                    domain.send(handle);
                }
            }
        }
    }
}
