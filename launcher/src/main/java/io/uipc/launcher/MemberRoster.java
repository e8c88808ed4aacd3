package io.uipc.launcher;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every member of a launch, in start order, made from the spec before anything starts. It never
 * changes afterwards (a restart replaces a member's JVM inside its {@link MemberProcess}), so the
 * shutdown hook, the supervisor and test threads read it without locking: its fields are final
 * and filled in the constructor.
 */
final class MemberRoster {
    private final Map<String, MemberProcess> byName;
    private final List<List<MemberProcess>> stages;

    /** @param spec the launch spec; its stages give the start order */
    MemberRoster(final LaunchSpec spec) {
        final Map<String, MemberProcess> members = new LinkedHashMap<>();
        final List<List<MemberProcess>> ordered = new ArrayList<>();
        for (final List<ProcessSpec> stage : spec.stages()) {
            final List<MemberProcess> inStage = new ArrayList<>();
            for (final ProcessSpec p : stage) {
                for (final String name : p.memberNames()) {
                    final MemberProcess m = new MemberProcess(name, p);
                    members.put(name, m);
                    inStage.add(m);
                }
            }
            ordered.add(List.copyOf(inStage));
        }
        this.byName = Collections.unmodifiableMap(members);
        this.stages = List.copyOf(ordered);
    }

    /** @return the members grouped by start order, lowest order first */
    List<List<MemberProcess>> stages() {
        return stages;
    }

    /** @return every member, in start order */
    List<MemberProcess> all() {
        return List.copyOf(byName.values());
    }

    /** @return how many members the launch has */
    int size() {
        return byName.size();
    }

    /** @return how many members have had a JVM started */
    int started() {
        return (int) byName.values().stream().filter(m -> m.process() != null).count();
    }

    /**
     * @param name a member name
     * @return the member
     * @throws IllegalArgumentException if the spec has no such member
     */
    MemberProcess get(final String name) {
        final MemberProcess m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no member named '" + name + "' in this launch; members: " + byName.keySet());
        }
        return m;
    }

    /**
     * @param members some members
     * @return their names, comma-separated, for reports
     */
    static String names(final Collection<MemberProcess> members) {
        return members.stream().map(MemberProcess::name).collect(Collectors.joining(", "));
    }
}
