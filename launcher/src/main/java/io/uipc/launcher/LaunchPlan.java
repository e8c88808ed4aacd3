package io.uipc.launcher;

import io.uipc.core.Backends;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.table.ProcessGroup;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code uipc launch --dry-run} checks and prints: everything a launch checks before it
 * spawns a member (every main class on the members' class path, the backend of a temporary
 * group, the free entries and receivers of an existing group), then the plan: the group, the
 * working directory, the timeouts, and each order's members with their main class, role,
 * readiness and restart policy. Nothing is created, attached for long or started.
 */
public final class LaunchPlan {
    private LaunchPlan() {
    }

    /**
     * Checks a launch without starting it.
     *
     * @param spec    what would run
     * @param options where and how
     * @return the plan, one line each
     * @throws io.uipc.launcher.spec.SpecException if a main class is missing or has no main method
     * @throws io.uipc.core.UipcException         if the backend is not available, or the existing group cannot be attached
     * @throws LaunchException                      if the members do not fit the existing group
     */
    public static List<String> check(final LaunchSpec spec, final LaunchOptions options) {
        ChildClassPath.of(spec, options).checkMainClasses(spec);
        final List<String> lines = new ArrayList<>();
        lines.add("plan of " + spec.source() + " (dry run: nothing started)");
        lines.add("  group:       " + group(spec, options));
        lines.add("  workdir:     " + options.workDir().map(Path::toString).orElse(Path.of("").toAbsolutePath().toString()));
        lines.add("  timeouts:    ready " + spec.readyTimeout().toMillis() + " ms, grace period " + spec.gracePeriod().toMillis()
            + " ms; on-failure = " + spec.onFailure().toString().toLowerCase(java.util.Locale.ROOT));
        for (final List<ProcessSpec> stage : spec.stages()) {
            lines.add("  order " + stage.get(0).order() + ":");
            for (final ProcessSpec p : stage) {
                lines.add("    " + String.join(", ", p.memberNames()) + ": " + p.mainClass() + ", role " + p.role() + ", ready = "
                    + p.readiness().toString().toLowerCase(java.util.Locale.ROOT) + ", restart = " + p.restart()
                    + (p.args().isEmpty() ? "" : ", args: " + String.join(" ", p.args())));
            }
        }
        lines.add("ok: " + spec.memberNames().size() + " members, every main class found; nothing was started");
        return lines;
    }

    /**
     * Names the group a launch would run in.
     *
     * @param spec    the spec
     * @param options where
     * @return the existing group's name, the spec's {@code name}, or a fresh temporary name
     */
    public static String groupName(final LaunchSpec spec, final LaunchOptions options) {
        return options.existingGroup().map(dir -> dir.getFileName().toString())
            .orElseGet(() -> spec.groupName().orElseGet(() -> LaunchGroup.temporaryName(spec.source())));
    }

    private static String group(final LaunchSpec spec, final LaunchOptions options) {
        if (options.existingGroup().isPresent()) {
            try (ProcessGroup existing = ProcessGroup.attach(options.existingGroup().get())) {
                LaunchCapacity.check(spec, existing);
                return "existing " + existing.name() + " at " + existing.directory() + " (" + existing.members().size() + " of "
                    + existing.capacity() + " entries in use; the " + spec.memberNames().size() + " members fit)";
            }
        }
        final String name = spec.groupName().orElse("");
        if (!name.isEmpty() && Files.exists(options.root().resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            throw new LaunchException(spec.source() + ": group " + name + " (the spec's name) exists already in " + options.root()
                + ": destroy it first, or launch into it with --group " + name);
        }
        final String backend = Backends.select(options.backend()).backend().name();
        return "temporary " + spec.groupName().orElse("(generated name)") + " under " + options.root() + ", backend " + backend
            + ", entries " + spec.entries() + ", receivers " + spec.receivers() + ", uitt " + spec.uitt();
    }
}
