package io.uipc.table;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.emulated.EmulatedBackend;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.core.spi.BackendStatus;
import io.uipc.core.spi.InterruptBackend;

import java.nio.file.Path;

/**
 * The emulated backend with a test's hook run inside a group's create, after the secret is
 * written and before the domain is: a seam for what can happen mid-create (another creator
 * finishing first, an {@link Error}). Found by {@link java.util.ServiceLoader} through this
 * module's test resources; never chosen automatically.
 */
public final class HookedBackend implements InterruptBackend {
    /** Its name, for {@link GroupSpec#withBackend}. */
    static final String NAME = "hooked-for-tests";
    private static volatile Runnable beforeCreate = () -> { };

    private final EmulatedBackend emulated = new EmulatedBackend();

    /** Makes the backend, as {@link java.util.ServiceLoader} does. */
    public HookedBackend() {
    }

    /**
     * Sets what the next creates run before making their domain.
     *
     * @param hook the hook; {@code () -> { }} to clear it
     */
    static void beforeCreate(final Runnable hook) {
        beforeCreate = hook;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int preference() {
        return Integer.MIN_VALUE;
    }

    @Override
    public BackendStatus status() {
        return new BackendStatus(NAME, true, "the emulated backend with a test hook");
    }

    @Override
    public InterruptDomain create(final DomainConfig config) {
        beforeCreate.run();
        return emulated.create(config);
    }

    @Override
    public InterruptDomain create(final SharedDirectory directory, final String name, final int upidCapacity,
                                  final int uittCapacity, final FileAccess access) {
        beforeCreate.run();
        return emulated.create(directory, name, upidCapacity, uittCapacity, access);
    }

    @Override
    public InterruptDomain attach(final Path file) {
        return emulated.attach(file);
    }

    @Override
    public InterruptDomain attach(final SharedDirectory directory, final String name, final FileCheck check) {
        return emulated.attach(directory, name, check);
    }
}
