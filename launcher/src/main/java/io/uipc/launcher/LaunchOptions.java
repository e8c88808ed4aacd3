package io.uipc.launcher;

import io.uipc.core.Backends;
import io.uipc.table.GroupSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where and how {@link GroupLauncher} runs a spec.
 *
 * @param existingGroup directory of an existing group to launch into, or empty to create a
 *                      temporary group (destroyed when the launch ends)
 * @param root          directory under which a temporary group is created
 * @param classPath     extra class path entries for the members (user code)
 * @param backend       interrupt backend of a created group
 * @param out           where progress and the members' prefixed output go
 * @param workDir       the members' working directory, or empty for the launcher's own
 */
public record LaunchOptions(Optional<Path> existingGroup, Path root, List<String> classPath, String backend, PrintStream out,
                            Optional<Path> workDir) {
    /**
     * Copies the list.
     *
     * @param existingGroup directory of an existing group to launch into, or empty to create a
     *                      temporary group (destroyed when the launch ends)
     * @param root          directory under which a temporary group is created
     * @param classPath     extra class path entries for the members (user code)
     * @param backend       interrupt backend of a created group
     * @param out           where progress and the members' prefixed output go
     * @param workDir       the members' working directory, or empty for the launcher's own
     */
    public LaunchOptions {
        classPath = List.copyOf(classPath);
    }

    /** {@return a temporary group under the default root, no extra class path, printing to System.out} */
    public static LaunchOptions defaults() {
        return new LaunchOptions(Optional.empty(), GroupSpec.defaultRoot(), List.of(), Backends.AUTO, System.out, Optional.empty());
    }

    /**
     * {@return these options, launching into an existing group}
     *
     * @param groupDir an existing group's directory
     */
    public LaunchOptions existingGroup(final Path groupDir) {
        return new LaunchOptions(Optional.of(groupDir), root, classPath, backend, out, workDir);
    }

    /**
     * {@return these options with another root for the temporary group}
     *
     * @param dir root directory for the temporary group
     */
    public LaunchOptions root(final Path dir) {
        return new LaunchOptions(existingGroup, dir, classPath, backend, out, workDir);
    }

    /**
     * {@return these options with extra class path entries}
     *
     * @param entries extra class path entries
     */
    public LaunchOptions classPath(final List<String> entries) {
        return new LaunchOptions(existingGroup, root, entries, backend, out, workDir);
    }

    /**
     * {@return these options with another backend}
     *
     * @param name backend name or "auto"
     */
    public LaunchOptions backend(final String name) {
        return new LaunchOptions(existingGroup, root, classPath, name, out, workDir);
    }

    /**
     * {@return these options printing to another stream}
     *
     * @param stream output stream
     */
    public LaunchOptions out(final PrintStream stream) {
        return new LaunchOptions(existingGroup, root, classPath, backend, stream, workDir);
    }

    /**
     * {@return these options with the members' working directory}
     *
     * @param dir the members' working directory
     */
    public LaunchOptions workDir(final Path dir) {
        return new LaunchOptions(existingGroup, root, classPath, backend, out, Optional.of(dir));
    }
}
