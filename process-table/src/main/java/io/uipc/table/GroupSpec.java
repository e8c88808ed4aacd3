package io.uipc.table;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to create a group: its name, where its files go, its capacities (fixed at creation),
 * an optional Unix group for groups run by several OS users, and the interrupt backend.
 *
 * @param name          group name: letters, digits, '.', '_', '-', not starting with '.'; at most 64 characters
 * @param root          directory that holds group directories (default /dev/shm/uipc)
 * @param entries       process table entries (endpoints)
 * @param receivers     UPID slots (receiving threads)
 * @param uittEntries   shared UITT entries
 * @param unixGroup     Unix group given access (0770/0660), or empty for owner-only (0700/0600)
 * @param backend       interrupt backend name, or "auto"
 */
public record GroupSpec(String name, Path root, int entries, int receivers, int uittEntries,
                        Optional<String> unixGroup, String backend) {
    /** Default entries: a database instance's processes and threads. */
    public static final int DEFAULT_ENTRIES = 4_096;
    /** A plain file name: never '.', '..' or hidden (a leading '.' marks a group still being created). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    /**
     * Checks the fields.
     *
     * @param name          group name: letters, digits, '.', '_', '-', not starting with '.'; at most 64 characters
     * @param root          directory that holds group directories (default /dev/shm/uipc)
     * @param entries       process table entries (endpoints)
     * @param receivers     UPID slots (receiving threads)
     * @param uittEntries   shared UITT entries
     * @param unixGroup     Unix group given access (0770/0660), or empty for owner-only (0700/0600)
     * @param backend       interrupt backend name, or "auto"
     */
    public GroupSpec {
        checkName(name);
        if (entries < 1 || entries > ProcessTableDescriptor.MAX_ENTRIES) {
            throw new IllegalArgumentException("entries " + entries + " out of range 1.." + ProcessTableDescriptor.MAX_ENTRIES);
        }
        new DomainConfig(root.resolve(name), receivers, uittEntries, DomainConfig.OWNER_ONLY);
    }

    /**
     * {@return a spec with defaults: /dev/shm/uipc, 4,096 entries, 16,384 receivers, 65,536 UITT entries}
     *
     * @param name a group name
     */
    public static GroupSpec named(final String name) {
        return new GroupSpec(name, defaultRoot(), DEFAULT_ENTRIES, DomainConfig.DEFAULT_UPIDS, DomainConfig.DEFAULT_UITT,
            Optional.empty(), Backends.AUTO);
    }

    /** {@return the default root: {@link DomainConfig#defaultDirectory()}/uipc} */
    public static Path defaultRoot() {
        return DomainConfig.defaultDirectory().resolve("uipc");
    }

    /**
     * {@return this spec under another root}
     *
     * @param dir root directory
     */
    public GroupSpec withRoot(final Path dir) {
        return new GroupSpec(name, dir, entries, receivers, uittEntries, unixGroup, backend);
    }

    /**
     * {@return this spec with other capacities}
     *
     * @param tableEntries process table entries
     * @param upids        receivers
     * @param uitt         shared UITT entries
     */
    public GroupSpec withCapacities(final int tableEntries, final int upids, final int uitt) {
        return new GroupSpec(name, root, tableEntries, upids, uitt, unixGroup, backend);
    }

    /**
     * {@return this spec in group mode}
     *
     * @param group Unix group name
     */
    public GroupSpec withUnixGroup(final String group) {
        return new GroupSpec(name, root, entries, receivers, uittEntries, Optional.of(group), backend);
    }

    /**
     * {@return this spec with another backend}
     *
     * @param backendName backend name or "auto"
     */
    public GroupSpec withBackend(final String backendName) {
        return new GroupSpec(name, root, entries, receivers, uittEntries, unixGroup, backendName);
    }

    /** {@return the group's directory} */
    public Path directory() {
        return root.resolve(name);
    }

    /**
     * {@return the name, checked}
     *
     * @param name a candidate group name
     * @throws IllegalArgumentException if it is not a valid group name
     */
    public static String checkName(final String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid group name '" + name
                + "': use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'");
        }
        return name;
    }
}
