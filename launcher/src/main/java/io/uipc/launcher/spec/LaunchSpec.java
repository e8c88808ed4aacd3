package io.uipc.launcher.spec;

import io.uipc.core.DomainConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A whole group to launch: the processes, and the group settings of the spec's
 * {@code [group]} section. Member names must be unique across all processes.
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
     * Checks the fields: at least one process, unique member names.
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
     */
    public LaunchSpec {
        classPath = List.copyOf(classPath);
        processes = List.copyOf(processes);
        if (processes.isEmpty()) {
            throw new SpecException(source, 0, null, "no process: add a [process NAME] section with at least 'main = CLASS'");
        }
        if (gracePeriod.isNegative() || readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new SpecException(source, 0, "group", "grace-period must be >= 0 and ready-timeout > 0");
        }
        if (entries < 1 || entries > 1 << 20) {
            throw new SpecException(source, 0, "entries", "out of range 1.." + (1 << 20) + ": " + entries);
        }
        if (receivers < 1 || receivers > DomainConfig.MAX_UPIDS || uitt < 1 || uitt > DomainConfig.MAX_UITT) {
            throw new SpecException(source, 0, "receivers", "receivers or uitt out of range: " + receivers + ", " + uitt);
        }
        final Map<String, ProcessSpec> owners = new HashMap<>();
        for (final ProcessSpec p : processes) {
            for (final String member : p.memberNames()) {
                final ProcessSpec previous = owners.putIfAbsent(member, p);
                if (previous != null) {
                    throw new SpecException(source, p.line(), "process " + p.name(), "duplicate member name '" + member
                        + "': already used by [process " + previous.name() + "]" + (previous.line() > 0 ? " at line " + previous.line() : ""));
                }
            }
        }
    }

    /**
     * Makes a spec from processes built in code.
     *
     * @param processes the processes
     * @return a spec with default group settings
     */
    public static LaunchSpec of(final ProcessSpec... processes) {
        return new LaunchSpec("launch spec", Optional.empty(), DEFAULT_GRACE, DEFAULT_READY_TIMEOUT, FailureAction.SHUTDOWN,
            List.of(), DEFAULT_ENTRIES, DEFAULT_RECEIVERS, DEFAULT_UITT, List.of(processes));
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
