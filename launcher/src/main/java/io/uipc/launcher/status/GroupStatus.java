package io.uipc.launcher.status;

import io.uipc.core.InterruptDomain;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.InboxDepth;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A group at one instant, as {@code uipc ps} and {@code uipc top} show it. {@link #read} is the one
 * place that reads it: the table's entries, the live members (liveness locks probed), the receivers'
 * counters, the inboxes' depths, the reaper. It neither joins nor writes.
 *
 * @param time                when it was read
 * @param nanoTime            {@link System#nanoTime()} when it was read, for rates between two reads
 * @param group               the group's name
 * @param directory           the group's directory
 * @param backend             the interrupt backend's name
 * @param capacity            table entries
 * @param tableLayoutVersion  the process table's layout version
 * @param domainLayoutVersion the interrupt domain's layout version
 * @param reaper              the elected reaper
 * @param deathsReaped        members the group has reaped since it was created
 * @param members             every non-free entry, by slot
 */
public record GroupStatus(Instant time, long nanoTime, String group, Path directory, String backend, int capacity,
                          int tableLayoutVersion, int domainLayoutVersion, ReaperStatus reaper, long deathsReaped,
                          List<MemberStatus> members) {
    /**
     * Checks and copies the member list.
     *
     * @param time                when it was read
     * @param nanoTime            {@link System#nanoTime()} when it was read
     * @param group               the group's name
     * @param directory           the group's directory
     * @param backend             the interrupt backend's name
     * @param capacity            table entries
     * @param tableLayoutVersion  the process table's layout version
     * @param domainLayoutVersion the interrupt domain's layout version
     * @param reaper              the elected reaper
     * @param deathsReaped        members reaped
     * @param members             every non-free entry, by slot
     */
    public GroupStatus {
        members = List.copyOf(members);
    }

    /**
     * Reads an attached group now.
     *
     * @param g an attached group (not necessarily joined)
     * @return its status
     */
    public static GroupStatus read(final ProcessGroup g) {
        final Instant time = Instant.now();
        final long nanoTime = System.nanoTime();
        final List<MemberInfo> entries = g.members();
        final Set<String> live = new HashSet<>(g.liveMemberNames());
        final InterruptDomain domain = g.domain();
        final List<MemberStatus> members = new ArrayList<>(entries.size());
        for (final MemberInfo m : entries) {
            final boolean upidOk = m.upidIndex() >= 0 && m.upidIndex() < domain.upidCapacity() && m.state() != MemberState.CLAIMING;
            members.add(new MemberStatus(m, live.contains(m.name()), upidOk ? domain.coalescedCount(m.upidIndex()) : 0,
                upidOk ? domain.wakeupCount(m.upidIndex()) : 0, InboxDepth.records(g, m)));
        }
        return new GroupStatus(time, nanoTime, g.name(), g.directory(), domain.backendName(), g.capacity(), g.tableLayoutVersion(),
            domain.layoutVersion(), ReaperStatus.of(g.reaperPid()), g.deathsReaped(), members);
    }

    /**
     * Counts the members whose holder lives.
     *
     * @return live entries
     */
    public long alive() {
        return members.stream().filter(MemberStatus::live).count();
    }

    /**
     * Counts the entries whose holder is gone (not reaped yet).
     *
     * @return dead entries
     */
    public long dead() {
        return members.size() - alive();
    }
}
