package io.uipc.launcher;

import io.uipc.core.UipcException;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.table.GroupLostException;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The group a launch runs in: a temporary group it creates (named after the spec file, its pid
 * and a nonce) or an existing one it attaches, and the teardown at the end, which destroys only
 * what the launch created, the group root included if creating the group made it. All fields
 * are final: the shutdown hook tears the group down from its own thread.
 */
final class LaunchGroup {
    private static final int MAX_STEM = 40;
    private final ProcessGroup group;
    private final boolean created;
    private final boolean rootCreated;
    private final LaunchOptions options;
    private final LaunchConsole console;

    private LaunchGroup(final ProcessGroup group, final boolean created, final boolean rootCreated, final LaunchOptions options,
                        final LaunchConsole console) {
        this.group = group;
        this.created = created;
        this.rootCreated = rootCreated;
        this.options = options;
        this.console = console;
    }

    /**
     * Attaches {@link LaunchOptions#existingGroup()}, or creates a temporary group with the
     * spec's name and capacities under {@link LaunchOptions#root()}.
     *
     * @param spec    the spec
     * @param options where
     * @param console for the teardown's report
     * @return the opened group
     * @throws io.uipc.core.UipcException if the group cannot be created or attached
     * @throws LaunchException             if the spec's members do not fit the existing group
     */
    static LaunchGroup open(final LaunchSpec spec, final LaunchOptions options, final LaunchConsole console) {
        if (options.existingGroup().isPresent()) {
            final ProcessGroup existing = ProcessGroup.attach(options.existingGroup().get());
            try {
                LaunchCapacity.check(spec, existing);
            } catch (final LaunchException e) {
                existing.close();
                throw e;
            }
            return new LaunchGroup(existing, false, false, options, console);
        }
        final String name = spec.groupName().orElse(temporaryName(spec.source()));
        final boolean rootCreated = !Files.isDirectory(options.root());
        final ProcessGroup group = ProcessGroup.create(GroupSpec.named(name).withRoot(options.root())
            .withCapacities(spec.entries(), spec.receivers(), spec.uitt()).withBackend(options.backend()));
        return new LaunchGroup(group, true, rootCreated, options, console);
    }

    /**
     * @param source the spec's file name
     * @return a fresh name for a temporary group: the file's stem, this process's pid and a nonce
     */
    static String temporaryName(final String source) {
        final String file = source.substring(source.lastIndexOf('/') + 1);
        final String stem = file.replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        final String base = stem.isEmpty() ? "launch" : stem.substring(0, Math.min(stem.length(), MAX_STEM));
        return base + "-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
    }

    /**
     * Starts the group's reaper, so dead members are reclaimed while the launch runs, and reports
     * the group. If the group's files are deleted, truncated or replaced under the launch, that is
     * a failure, reported in one line, and the members are stopped (without the shutdown vector:
     * nothing touches the group's mappings any more).
     *
     * @param failures where the loss is recorded
     * @param events   asked to stop the launch on a loss
     */
    void startReaper(final LaunchFailures failures, final LaunchEvents events) {
        group.onGroupLost(lost -> {
            failures.add(lost.getMessage());
            console.info(lost.getMessage() + "; stopping the members");
            events.requestStop();
        });
        group.startReaper();
        console.info("group " + group.name() + (created ? " created" : " attached") + " at " + group.directory()
            + " (backend " + group.domain().backendName() + ")");
    }

    /** @return the attached group */
    ProcessGroup group() {
        return group;
    }

    /** @return whether the launch created the group (and so destroys it) */
    boolean created() {
        return created;
    }

    /**
     * Reaps what dead members left, detaches, and destroys the group if the launch created it. A
     * group whose files were lost under the launch (see {@link #startReaper}) is not reaped; if it
     * cannot be destroyed either, that is reported in one line and it is left for
     * {@code uipc destroy --force}.
     */
    void teardown() {
        final Path dir = group.directory();
        try {
            if (!group.isLost()) {
                group.reap();
            }
        } catch (final GroupLostException e) {
            // reported by the reaper's handler, which stops the launch
        } finally {
            group.close();
        }
        if (created) {
            try {
                ProcessGroup.destroy(dir, true);
            } catch (final UipcException e) {
                if (!group.isLost()) {
                    throw e;
                }
                console.info("group " + dir.getFileName() + " left at " + dir + ": " + e.getMessage());
                return;
            }
            console.info("group " + dir.getFileName() + " destroyed");
            removeRootIfCreated();
        }
    }

    /** Removes the group root that creating the group made, unless another group is in it by now. */
    private void removeRootIfCreated() {
        if (!rootCreated) {
            return;
        }
        try {
            Files.deleteIfExists(options.root());
        } catch (final DirectoryNotEmptyException e) {
            // another group lives there now: the root is its too
        } catch (final IOException e) {
            console.info("could not remove the group root " + options.root() + " this launch created: " + e);
        }
    }
}
