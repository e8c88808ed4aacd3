package io.uipc.core.testing;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.emulated.EmulatedBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An emulated interrupt domain in a uniquely named file under
 * {@link DomainConfig#defaultDirectory()} (/dev/shm here), deleted on {@link #close()}.
 */
public final class TempDomain implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final InterruptDomain domain;

    private TempDomain(final InterruptDomain domain) {
        this.domain = domain;
    }

    /**
     * @param upids UPID slots
     * @param uitt  shared UITT entries
     * @return a new domain in a fresh file
     */
    public static TempDomain create(final int upids, final int uitt) {
        final DomainConfig config = DomainConfig.of(uniquePath("domain")).withCapacities(upids, uitt);
        return new TempDomain(Backends.select(EmulatedBackend.NAME).backend().create(config));
    }

    /**
     * @param purpose a word for the file name
     * @return a path under {@link DomainConfig#defaultDirectory()} no other test uses; the
     *     caller deletes what it creates there
     */
    public static Path uniquePath(final String purpose) {
        return DomainConfig.defaultDirectory().resolve("uipc-test-" + purpose + "-" + ProcessHandle.current().pid()
            + "-" + COUNTER.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()));
    }

    /** @return the domain, attached in this JVM */
    public InterruptDomain domain() {
        return domain;
    }

    /** @return the segment file, to hand to child JVMs */
    public Path path() {
        return domain.path();
    }

    /** Closes this JVM's view and deletes the file. */
    @Override
    public void close() {
        domain.close();
        try {
            Files.deleteIfExists(domain.path());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
