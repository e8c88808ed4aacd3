package io.uipc.core.emulated;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.core.spi.BackendStatus;
import io.uipc.core.spi.InterruptBackend;

import java.nio.file.Path;

/**
 * The software-emulated backend: UINTR's UPID/UITT semantics in a shared-memory file, with
 * futex wake-ups for blocked receivers. Needs Linux (x86-64 or aarch64).
 */
public final class EmulatedBackend implements InterruptBackend {
    /** Backend name. */
    public static final String NAME = "emulated";

    /** Makes the backend, as {@link java.util.ServiceLoader} does; it holds no state. */
    public EmulatedBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int preference() {
        return 10;
    }

    @Override
    public BackendStatus status() {
        try {
            Futex.wake(0, 0);
            return new BackendStatus(NAME, true, "shared-memory UPID/UITT with cross-process futex wake-up (Linux "
                + System.getProperty("os.arch") + ")");
        } catch (final LinkageError e) {
            return new BackendStatus(NAME, false, "futex unavailable: " + e.getMessage());
        }
    }

    @Override
    public InterruptDomain create(final DomainConfig config) {
        return EmulatedDomain.create(config);
    }

    @Override
    public InterruptDomain attach(final Path file) {
        return EmulatedDomain.attach(file);
    }

    @Override
    public InterruptDomain create(final SharedDirectory directory, final String name, final int upidCapacity,
                                  final int uittCapacity, final FileAccess access) {
        return EmulatedDomain.create(directory, name, upidCapacity, uittCapacity, access);
    }

    @Override
    public InterruptDomain attach(final SharedDirectory directory, final String name, final FileCheck check) {
        return EmulatedDomain.attach(directory, name, check);
    }
}
