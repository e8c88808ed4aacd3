package io.uipc.core.spi;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;

import java.nio.file.Path;

/**
 * A way of delivering user interrupts, found with {@link java.util.ServiceLoader}. uipc ships
 * {@code emulated} (shared memory and futex, works everywhere on Linux) and {@code hardware}
 * (x86 UINTR, where CPU and kernel have it).
 */
public interface InterruptBackend {
    /**
     * Returns the backend's name, as used on the command line.
     *
     * @return the backend's name, as used on the command line
     */
    String name();

    /**
     * Returns the rank for automatic selection: the highest available backend wins.
     *
     * @return rank for automatic selection: the highest available backend wins
     */
    int preference();

    /**
     * Returns whether this backend can run here, and exactly why or why not.
     *
     * @return whether this backend can run here, and exactly why or why not
     */
    BackendStatus status();

    /**
     * Creates a domain.
     *
     * @param config where and how big
     * @return a new domain, created atomically (an existing file is an error)
     */
    InterruptDomain create(DomainConfig config);

    /**
     * Attaches an existing domain.
     *
     * @param file an existing domain's file
     * @return the attached domain, validated (magic, version, sizes)
     */
    InterruptDomain attach(Path file);

    /**
     * Creates a domain file by name in an opened directory (a group's), never by a path: the
     * file has its final mode and group before it appears under its name.
     *
     * @param directory    the opened directory
     * @param name         the file's name in it
     * @param upidCapacity UPID slots, 1..{@value DomainConfig#MAX_UPIDS}
     * @param uittCapacity shared UITT entries, 1..{@value DomainConfig#MAX_UITT}
     * @param access       the file's mode and Unix group
     * @return a new domain, created atomically (an existing file is an error)
     */
    InterruptDomain create(SharedDirectory directory, String name, int upidCapacity, int uittCapacity, FileAccess access);

    /**
     * Attaches an existing domain by name in an opened directory, never following a link, after
     * checking it is a regular file of the owner, mode and group given.
     *
     * @param directory the opened directory
     * @param name      the file's name in it
     * @param check     the owner, mode and group the file must have
     * @return the attached domain, validated (magic, version, sizes)
     */
    InterruptDomain attach(SharedDirectory directory, String name, FileCheck check);
}
