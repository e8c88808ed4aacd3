package io.uipc.launcher.spec.legacy;

import io.uipc.launcher.spec.LaunchSpec;

import java.util.List;
import java.util.Map;

/**
 * An old-format spec as {@link LegacySpecParser} read it.
 *
 * @param spec     the spec
 * @param comments the comment lines before each section: {@link #GROUP} for {@code [group]}, else the process name
 */
record LegacySpec(LaunchSpec spec, Map<String, List<String>> comments) {
    /** The key of the {@code [group]} section's comments. */
    static final String GROUP = "[group]";

    /**
     * @param name a process name, or {@link #GROUP}
     * @return the comment lines before that section
     */
    List<String> commentsOf(final String name) {
        return comments.getOrDefault(name, List.of());
    }
}
