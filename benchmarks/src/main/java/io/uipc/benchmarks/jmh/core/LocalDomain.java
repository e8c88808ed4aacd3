package io.uipc.benchmarks.jmh.core;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.WaitPolicy;
import io.uipc.testing.TempGroups;

/**
 * A small interrupt domain of the selected backend, in a fresh {@link TempGroups} root (under
 * /dev/shm), with one receiver registered on the calling thread (never blocked: it is the
 * benchmark thread): the set-up every in-process benchmark shares. Closing it unregisters the
 * receiver and deletes the root.
 */
final class LocalDomain implements AutoCloseable {
    private final TempGroups root;
    private final InterruptDomain domain;
    private final Receiver receiver;

    LocalDomain() {
        root = new TempGroups("jmh");
        domain = Backends.select(Backends.AUTO).backend().create(DomainConfig.of(root.root().resolve("domain")).withCapacities(4, 64));
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
        root.close();
    }
}
