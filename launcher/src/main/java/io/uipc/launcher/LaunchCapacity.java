package io.uipc.launcher;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.table.ProcessGroup;

import java.util.stream.Collectors;

/**
 * Checks, before anything is spawned, that a spec's members fit the group it launches into: each
 * member holds one table entry and one receiver while it runs (a restarted member reuses the
 * entry of its reaped predecessor). A temporary group is made to the spec's capacities, which the
 * spec itself checks; an existing group must have enough of both free.
 */
final class LaunchCapacity {
    private LaunchCapacity() {
    }

    /**
     * @param spec  the spec
     * @param group the existing group it launches into
     * @throws LaunchException naming the member count per kind, the capacity and what is in use
     */
    static void check(final LaunchSpec spec, final ProcessGroup group) {
        final int members = spec.processes().stream().mapToInt(ProcessSpec::count).sum();
        final int inUse = group.members().size();
        check(spec, group, members, "table entries", group.capacity(), inUse);
        check(spec, group, members, "receivers", group.domain().upidCapacity(), inUse);
    }

    private static void check(final LaunchSpec spec, final ProcessGroup group, final int members, final String what, final int capacity,
                              final int inUse) {
        if (members > capacity - inUse) {
            throw new LaunchException(spec.source() + ": " + members + " members ("
                + spec.processes().stream().map(p -> p.name() + ": " + p.count()).collect(Collectors.joining(", ")) + ") do not fit group "
                + group.name() + ": it has " + capacity + " " + what + ", " + inUse + " in use, so " + Math.max(0, capacity - inUse) + " free");
        }
    }
}
