package io.uipc.table;

import io.uipc.core.InterruptDomain;
import io.uipc.core.UittHandle;

import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.uipc.table.MemberEntryDescriptor.CLAIMING;
import static io.uipc.table.MemberEntryDescriptor.FAILED_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.FREE;
import static io.uipc.table.MemberEntryDescriptor.HEARTBEAT_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.PID_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.SENT_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.UPID_INDEX_OFFSET;

/**
 * Point-in-time views of a group's table for tools ({@code uipc ps}, the launcher, monitors):
 * entries as {@link MemberInfo}, and which entries' owners are alive. Reads take no lock, so
 * an entry can change while it is read; every value read is bounds-checked and a snapshot is
 * never used to decide a send (lookups are).
 */
final class GroupSnapshot {
    private final ProcessTable table;
    private final InterruptDomain domain;
    private final GroupLocks locks;

    GroupSnapshot(final GroupDirectory files) {
        this.table = files.table();
        this.domain = files.domain();
        this.locks = files.locks();
    }

    /**
     * Snapshots every non-free entry.
     *
     * @return the entries, by slot
     */
    List<MemberInfo> members() {
        final List<MemberInfo> list = new ArrayList<>();
        final long now = System.currentTimeMillis();
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            final long control = table.control(slot);
            if (MemberEntryDescriptor.state(control) != FREE) {
                list.add(entry(slot, control, now));
            }
        }
        return list;
    }

    /**
     * Snapshots one entry, as the reaper saw it before reclaiming it.
     *
     * @param slot a slot
     * @return its entry; an unreadable name or role (a corrupt entry) reads as {@code ?}
     */
    MemberInfo describe(final int slot) {
        try {
            return entry(slot, table.control(slot), System.currentTimeMillis());
        } catch (final TableCorruptException e) {
            final long control = table.control(slot);
            final int state = MemberEntryDescriptor.state(control);
            return new MemberInfo(slot, MemberEntryDescriptor.generation(control), table.getLong(slot, PID_OFFSET), "?", "?",
                MemberState.of(state), state, List.of(), 0, 0, 0, 0, table.getInt(slot, UPID_INDEX_OFFSET));
        }
    }

    private MemberInfo entry(final int slot, final long control, final long now) {
        final int state = MemberEntryDescriptor.state(control);
        final List<String> indices = new ArrayList<>();
        for (int i = 0; i < MemberEntryDescriptor.MAX_VECTORS; i++) {
            final long handle = table.handleAt(slot, i);
            if (handle != ProcessGroup.NO_UITT_HANDLE) {
                indices.add(table.vectorAt(slot, i) + ":" + UittHandle.index(handle));
            }
        }
        final int upid = table.getInt(slot, UPID_INDEX_OFFSET);
        final boolean upidOk = upid >= 0 && upid < domain.upidCapacity() && state != CLAIMING;
        return new MemberInfo(slot, MemberEntryDescriptor.generation(control), table.getLong(slot, PID_OFFSET),
            table.name(slot), table.role(slot), MemberState.of(state), state, List.copyOf(indices),
            now - table.getLong(slot, HEARTBEAT_OFFSET), table.getLong(slot, SENT_OFFSET), table.getLong(slot, FAILED_OFFSET),
            upidOk ? domain.deliveredCount(upid) : 0, upid);
    }

    /**
     * Snapshots the live member of a name.
     *
     * @param memberName a name
     * @return its entry, if a live member has the name
     */
    Optional<MemberInfo> member(final String memberName) {
        final long handle = table.lookup(memberName);
        if (MemberHandle.isNull(handle)) {
            return Optional.empty();
        }
        return members().stream().filter(m -> m.slot() == MemberHandle.slot(handle)).findFirst();
    }

    /**
     * Snapshots the active members of one process.
     *
     * @param pid an OS pid
     * @return its active members' entries
     */
    List<MemberInfo> membersOfPid(final long pid) {
        return members().stream().filter(m -> m.pid() == pid && m.state() == MemberState.ACTIVE).collect(Collectors.toList());
    }

    /**
     * Names the entries whose owner process is alive: its liveness lock is held.
     *
     * @return the names, by slot
     */
    List<String> liveMemberNames() {
        final List<String> live = new ArrayList<>();
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            if (MemberEntryDescriptor.state(table.control(slot)) == FREE) {
                continue;
            }
            final FileLock probe = locks.probeDead(slot);
            if (probe == null) {
                live.add(table.name(slot));
            } else {
                GroupLocks.releaseQuietly(probe);
            }
        }
        return live;
    }
}
