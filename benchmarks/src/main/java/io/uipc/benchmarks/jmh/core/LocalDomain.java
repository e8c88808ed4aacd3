package io.uipc.benchmarks.jmh.core;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.WaitPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small interrupt domain in a fresh file (under /dev/shm) with one receiver registered on the
 * calling thread (never blocked: it is the benchmark thread): the set-up every in-process benchmark shares.
 * Closing it unregisters the receiver and deletes the file.
 */
final class LocalDomain implements AutoCloseable {
    private final Path file;
    private final InterruptDomain domain;
    private final Receiver receiver;

    LocalDomain() {
        try {
            file = Files.createTempFile(DomainConfig.defaultDirectory(), "uipc-jmh-", ".dom");
            Files.delete(file);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        domain = Backends.select(Backends.AUTO).backend().create(DomainConfig.of(file).withCapacities(4, 64));
        receiver = domain.registerReceiver();
        receiver.waitPolicy(WaitPolicy.SPIN);
    }

    InterruptDomain domain() {
        return domain;
    }

    Receiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        receiver.close();
        domain.close();
        try {
            Files.deleteIfExists(file);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
