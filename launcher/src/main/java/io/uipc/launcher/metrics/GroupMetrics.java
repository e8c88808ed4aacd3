package io.uipc.launcher.metrics;

import io.uipc.core.InterruptDomain;
import io.uipc.core.UipcException;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.InboxDepth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A group's counters at one moment, read as {@code uipc ps} reads them: from the shared table,
 * UPIDs and inboxes, without locks and without writing anything, so members are not disturbed.
 * One sample per active entry (a member whose process died but is not reaped yet is one with
 * {@code up} false); a second entry of the same name and pid, which a reaper is about to free, is
 * left out so that no two samples share their labels.
 *
 * @param group        group name
 * @param capacity     table entries
 * @param deathsReaped members declared dead and reclaimed since the group was created
 * @param members      one sample per active member, by slot
 */
public record GroupMetrics(String group, int capacity, long deathsReaped, List<MemberSample> members) {
    /**
     * Reads an attached group.
     *
     * @param g the group
     * @return its counters now
     */
    public static GroupMetrics read(final ProcessGroup g) {
        final Set<String> live = new HashSet<>(g.liveMemberNames());
        final Set<String> seen = new HashSet<>();
        final List<MemberSample> samples = new ArrayList<>();
        final InterruptDomain domain = g.domain();
        for (final MemberInfo m : g.members()) {
            if (m.state() != MemberState.ACTIVE || !seen.add(m.name() + '\0' + m.pid())) {
                continue;
            }
            final boolean upidOk = m.upidIndex() >= 0 && m.upidIndex() < domain.upidCapacity();
            samples.add(new MemberSample(m.name(), m.pid(), m.sent(), m.received(),
                upidOk ? domain.coalescedCount(m.upidIndex()) : 0, upidOk ? domain.wakeupCount(m.upidIndex()) : 0,
                Math.max(0, m.heartbeatAgeMs()), live.contains(m.name()), mailbox(g, m.name())));
        }
        return new GroupMetrics(g.name(), g.capacity(), g.deathsReaped(), List.copyOf(samples));
    }

    /** {@return how many sampled members are up} */
    public long alive() {
        return members.stream().filter(MemberSample::up).count();
    }

    /** {@return how many sampled members' processes are gone but not reaped yet} */
    public long dead() {
        return members.size() - alive();
    }

    private static OptionalInt mailbox(final ProcessGroup g, final String member) {
        try {
            return InboxDepth.bytes(g, member);
        } catch (final UipcException e) {
            return OptionalInt.empty();
        }
    }
}
