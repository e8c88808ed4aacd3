package io.uipc.launcher.spec;

import io.uipc.core.DomainConfig;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessTableDescriptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A whole group to launch: the processes, and the group settings of the spec's
 * top-level keys. Member names must be unique across all processes.
 *
 * @param source       where the spec came from (file name), for messages
 * @param groupName    name of the temporary group to create, or empty for a generated one
 * @param gracePeriod  how long stopping members get after the shutdown vector before SIGKILL
 * @param readyTimeout how long a started member gets to register
 * @param onFailure    what a permanent failure of a member does to the group
 * @param classPath    extra class path entries for user code (absolute, or relative to the spec's directory)
 * @param entries      process table entries of a created group
 * @param receivers    UPID slots of a created group
 * @param uitt         shared UITT entries of a created group
 * @param processes    the process kinds, in file order
 */
public record LaunchSpec(String source, Optional<String> groupName, Duration gracePeriod, Duration readyTimeout,
                         FailureAction onFailure, List<String> classPath, int entries, int receivers, int uitt,
                         List<ProcessSpec> processes) {
    /** Default grace period. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    /** Default readiness timeout. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);
    /** Default table entries of a temporary group: a launch rarely needs a database's 4,096. */
    public static final int DEFAULT_ENTRIES = 256;
    /** Default UPID slots of a temporary group. */
    public static final int DEFAULT_RECEIVERS = 1_024;
    /** Default UITT entries of a temporary group. */
    public static final int DEFAULT_UITT = 4_096;

    /**
     * Checks the fields, each error naming the field: at least one process, unique member names,
     * durations from 0 (ready timeout: 1 ms) to 24 hours, capacities in range and large enough for
     * every member (each member holds one table entry and one receiver; a restarted member reuses
     * the entry its dead predecessor held, which the launcher reaps first).
     *
     * @param source where the spec came from (file name), for messages
     * @param groupName name of the temporary group to create, or empty for a generated one
     * @param gracePeriod how long stopping members get after the shutdown vector before SIGKILL
     * @param readyTimeout how long a started member gets to register
     * @param onFailure what a permanent failure of a member does to the group
     * @param classPath extra class path entries for user code (absolute, or relative to the spec's directory)
     * @param entries process table entries of a created group
     * @param receivers UPID slots of a created group
     * @param uitt shared UITT entries of a created group
     * @param processes the process kinds, in file order
     * @throws SpecException naming the field that is missing or out of range
     */
    public LaunchSpec {
        source = source == null ? "launch spec" : source;
        if (groupName == null || onFailure == null || classPath == null || processes == null) {
            final String field = groupName == null ? "name" : onFailure == null ? "on-failure" : classPath == null ? "classpath" : "process";
            throw new SpecException(source, 0, field, "must be given");
        }
        final String src = source;
        groupName.ifPresent(n -> checked(src, "name", () -> GroupSpec.checkName(n)));
        checkDuration(source, "grace-period", gracePeriod, Duration.ZERO, "0");
        checkDuration(source, "ready-timeout", readyTimeout, Duration.ofMillis(1), "1 ms");
        for (final String entry : classPath) {
            if (entry == null || entry.indexOf('\0') >= 0) {
                throw new SpecException(source, 0, "classpath", entry == null ? "must not hold null" : "NUL character (\\x00) not allowed");
            }
        }
        checkCapacity(source, 0, "entries", entries);
        checkCapacity(source, 0, "receivers", receivers);
        checkCapacity(source, 0, "uitt", uitt);
        if (processes.isEmpty()) {
            throw new SpecException(source, 0, null, "no member: add a [[member]] table with at least name = \"NAME\" and main = \"CLASS\"");
        }
        for (final ProcessSpec p : processes) {
            if (p == null) {
                throw new SpecException(source, 0, "process", "must not hold null");
            }
        }
        classPath = List.copyOf(classPath);
        processes = List.copyOf(processes);
        final Map<String, ProcessSpec> owners = new HashMap<>();
        for (final ProcessSpec p : processes) {
            for (final String member : p.memberNames()) {
                final ProcessSpec previous = owners.putIfAbsent(member, p);
                if (previous != null) {
                    throw new SpecException(source, p.line(), "member " + p.name(), "duplicate member name '" + member
                        + "': already used by member " + previous.name() + (previous.line() > 0 ? " at line " + previous.line() : ""));
                }
            }
        }
        checkCapacities(source, field -> 0, processes, entries, receivers);
    }

    /**
     * Checks that every member fits the group: one table entry and one receiver each.
     *
     * @param source    the spec, for messages
     * @param lineOf    the spec line that set a field ({@code entries}, {@code receivers}), or 0
     * @param processes the process kinds
     * @param entries   the group's table entries
     * @param receivers the group's receivers
     * @throws SpecException naming the field, the member count per kind and the capacity
     */
    static void checkCapacities(final String source, final ToIntFunction<String> lineOf, final List<ProcessSpec> processes,
                                final int entries, final int receivers) {
        final int members = processes.stream().mapToInt(ProcessSpec::count).sum();
        final String field = members > entries ? "entries" : members > receivers ? "receivers" : null;
        if (field != null) {
            throw new SpecException(source, lineOf.applyAsInt(field), field, members + " members ("
                + processes.stream().map(p -> p.name() + ": " + p.count()).collect(Collectors.joining(", ")) + ") need " + members
                + (field.equals("entries") ? " table entries, but entries = " + entries : " receivers, but receivers = " + receivers));
        }
    }

    private static void checked(final String source, final String field, final Runnable check) {
        try {
            check.run();
        } catch (final IllegalArgumentException e) {
            throw new SpecException(source, 0, field, e.getMessage());
        }
    }

    private static void checkDuration(final String source, final String field, final Duration d, final Duration min, final String minText) {
        if (d == null) {
            throw new SpecException(source, 0, field, "must be given");
        }
        if (d.compareTo(min) < 0 || d.compareTo(SpecDurations.MAX) > 0) {
            throw new SpecException(source, 0, field, "duration " + d + " out of range " + minText + " to 24 hours");
        }
    }

    /**
     * Checks one of the group's capacities.
     *
     * @param source the spec, for messages
     * @param line   the spec line that set it, or 0
     * @param field  {@code entries}, {@code receivers} or {@code uitt}
     * @param value  its value
     * @throws SpecException if it is out of range
     */
    static void checkCapacity(final String source, final int line, final String field, final int value) {
        final int max = field.equals("entries") ? ProcessTableDescriptor.MAX_ENTRIES
            : field.equals("receivers") ? DomainConfig.MAX_UPIDS : DomainConfig.MAX_UITT;
        if (value < 1 || value > max) {
            throw new SpecException(source, line, field, "out of range 1.." + max + ": " + value);
        }
    }

    /**
     * Makes a spec from processes built in code.
     *
     * @param processes the processes
     * @return a spec with default group settings, its table entries and receivers raised to fit every member if the
     *     defaults are too few
     */
    public static LaunchSpec of(final ProcessSpec... processes) {
        final int members = Stream.of(processes).mapToInt(p -> p == null ? 0 : p.count()).sum();
        return new LaunchSpec("launch spec", Optional.empty(), DEFAULT_GRACE, DEFAULT_READY_TIMEOUT, FailureAction.SHUTDOWN,
            List.of(), Math.max(DEFAULT_ENTRIES, members), Math.max(DEFAULT_RECEIVERS, members), DEFAULT_UITT, Arrays.asList(processes));
    }

    /**
     * Changes the grace period.
     *
     * @param grace grace period
     * @return this spec with another grace period
     */
    public LaunchSpec gracePeriod(final Duration grace) {
        return new LaunchSpec(source, groupName, grace, readyTimeout, onFailure, classPath, entries, receivers, uitt, processes);
    }

    /**
     * Changes the ready timeout.
     *
     * @param timeout ready timeout
     * @return this spec with another ready timeout
     */
    public LaunchSpec readyTimeout(final Duration timeout) {
        return new LaunchSpec(source, groupName, gracePeriod, timeout, onFailure, classPath, entries, receivers, uitt, processes);
    }

    /**
     * Changes what a member failing for good does to the group.
     *
     * @param action failure action
     * @return this spec with another failure action
     */
    public LaunchSpec onFailure(final FailureAction action) {
        return new LaunchSpec(source, groupName, gracePeriod, readyTimeout, action, classPath, entries, receivers, uitt, processes);
    }

    /**
     * Groups the processes into start stages.
     *
     * @return the processes grouped by start order, lowest order first, file order within one
     */
    public List<List<ProcessSpec>> stages() {
        final Map<Integer, List<ProcessSpec>> byOrder = processes.stream()
            .collect(Collectors.groupingBy(ProcessSpec::order, java.util.TreeMap::new, Collectors.toList()));
        return new ArrayList<>(byOrder.values());
    }

    /**
     * Lists every member name.
     *
     * @return every member name, in start order
     */
    public List<String> memberNames() {
        return processes.stream().sorted(Comparator.comparingInt(ProcessSpec::order))
            .flatMap(p -> p.memberNames().stream()).collect(Collectors.toList());
    }
}
