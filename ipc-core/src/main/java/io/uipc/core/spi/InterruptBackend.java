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
    /** {@return the backend's name, as used on the command line} */
    String name();

    /** {@return rank for automatic selection: the highest available backend wins} */
    int preference();

    /** {@return whether this backend can run here, and exactly why or why not} */
    BackendStatus status();

    /**
     * {@return a new domain, created atomically (an existing file is an error)}
     *
     * @param config where and how big
     */
    InterruptDomain create(DomainConfig config);

    /**
     * {@return the attached domain, validated (magic, version, sizes)}
     *
     * @param file an existing domain's file
     */
    InterruptDomain attach(Path file);
}
