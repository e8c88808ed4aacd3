package io.uipc.core.spi;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;

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
}
