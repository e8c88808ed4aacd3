package io.uipc.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How to create an interrupt domain: where its file goes, how many receivers and UITT entries
 * it holds (fixed at creation), and the file's permissions (who may attach).
 *
 * @param file         the segment file
 * @param upidCapacity UPID slots, 1..{@value #MAX_UPIDS}
 * @param uittCapacity shared UITT entries, 1..{@value #MAX_UITT}
 * @param permissions  POSIX permissions of the file
 */
public record DomainConfig(Path file, int upidCapacity, int uittCapacity, Set<PosixFilePermission> permissions) {
    /** Default UPID slots: a database's worth of receiving threads. */
    public static final int DEFAULT_UPIDS = 16_384;
    /** Default shared UITT entries. */
    public static final int DEFAULT_UITT = 65_536;
    /** Largest UPID table. */
    public static final int MAX_UPIDS = 1 << 24;
    /** Largest UITT. */
    public static final int MAX_UITT = 1 << 26;
    /** Owner read and write only. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * Checks the capacities and copies the permissions.
     *
     * @param file         the segment file
     * @param upidCapacity UPID slots, 1..{@value #MAX_UPIDS}
     * @param uittCapacity shared UITT entries, 1..{@value #MAX_UITT}
     * @param permissions  POSIX permissions of the file
     * @throws IllegalArgumentException if a capacity is out of range
     */
    public DomainConfig {
        if (upidCapacity < 1 || upidCapacity > MAX_UPIDS) {
            throw new IllegalArgumentException("UPID capacity " + upidCapacity + " out of range 1.." + MAX_UPIDS);
        }
        if (uittCapacity < 1 || uittCapacity > MAX_UITT) {
            throw new IllegalArgumentException("UITT capacity " + uittCapacity + " out of range 1.." + MAX_UITT);
        }
        permissions = Set.copyOf(permissions);
    }

    /**
     * Makes a config with the defaults.
     *
     * @param file the segment file
     * @return a config with default capacities, owner-only
     */
    public static DomainConfig of(final Path file) {
        return new DomainConfig(file, DEFAULT_UPIDS, DEFAULT_UITT, OWNER_ONLY);
    }

    /**
     * Copies this config with other capacities.
     *
     * @param upids UPID slots
     * @param uitt  shared UITT entries
     * @return this config with other capacities
     */
    public DomainConfig withCapacities(final int upids, final int uitt) {
        return new DomainConfig(file, upids, uitt, permissions);
    }

    /**
     * Copies this config with other permissions.
     *
     * @param perms POSIX permissions for the file
     * @return this config with other permissions
     */
    public DomainConfig withPermissions(final Set<PosixFilePermission> perms) {
        return new DomainConfig(file, upidCapacity, uittCapacity, perms);
    }

    /**
     * Chooses where shared-memory files go by default.
     *
     * @return the directory for shared-memory files: system property {@code uipc.dir}, else
     *     /dev/shm where it exists, else java.io.tmpdir
     */
    public static Path defaultDirectory() {
        final String dir = System.getProperty("uipc.dir");
        if (dir != null && !dir.isBlank()) {
            return Paths.get(dir);
        }
        final Path shm = Paths.get("/dev/shm");
        return Files.isDirectory(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
    }
}
