package io.uipc.core.hardware;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.UipcException;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.core.spi.BackendStatus;
import io.uipc.core.spi.InterruptBackend;

import java.nio.file.Path;

/**
 * Real x86 user interrupts (SENDUIPI, UPIDs managed by the kernel). It reports precisely what
 * this machine lacks. Even where CPU and kernel both support UINTR, this build has no native
 * handler trampoline (a UINTR handler runs on an interrupt frame and must return with UIRET,
 * which Java code cannot do), so it stays unavailable rather than pretend; see
 * docs/architecture.md for what was and was not tested.
 */
public final class HardwareBackend implements InterruptBackend {
    /** Backend name. */
    public static final String NAME = "hardware";

    private final UintrProbe probe;

    /** Probes this machine. */
    public HardwareBackend() {
        this(UintrProbe.probe());
    }

    /**
     * Uses a given probe.
     *
     * @param probe the machine's capabilities (tests pass their own)
     */
    public HardwareBackend(final UintrProbe probe) {
        this.probe = probe;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int preference() {
        return 100;
    }

    @Override
    public BackendStatus status() {
        if (!probe.supported()) {
            return new BackendStatus(NAME, false, "no UINTR here: " + probe.explain());
        }
        return new BackendStatus(NAME, false, "CPU and kernel support UINTR (" + probe.explain()
            + "), but this build ships no native SENDUIPI/UIRET handler trampoline");
    }

    @Override
    public InterruptDomain create(final DomainConfig config) {
        throw unavailable();
    }

    @Override
    public InterruptDomain attach(final Path file) {
        throw unavailable();
    }

    @Override
    public InterruptDomain create(final SharedDirectory directory, final String name, final int upidCapacity,
                                  final int uittCapacity, final FileAccess access) {
        throw unavailable();
    }

    @Override
    public InterruptDomain attach(final SharedDirectory directory, final String name, final FileCheck check) {
        throw unavailable();
    }

    private UipcException unavailable() {
        return new UipcException("backend '" + NAME + "' is not available: " + status().reason());
    }
}
