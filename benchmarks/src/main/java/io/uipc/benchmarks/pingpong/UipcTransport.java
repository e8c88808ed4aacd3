package io.uipc.benchmarks.pingpong;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.WaitPolicy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * uipc itself: each side registers the calling thread as a receiver with one vector in the
 * domain's shared UITT and hands its UITT handle to the peer; a message is a send to the peer's
 * handle, a receive is {@link Receiver#await} under the given {@link WaitPolicy}.
 */
final class UipcTransport implements Transport {
    /** The vector the two sides interrupt each other with. */
    static final int VECTOR = 1;
    private static final String DOMAIN_FILE = "domain";

    private final Path file;
    private final String backend;
    private final WaitPolicy policy;
    private InterruptDomain domain;
    private Receiver receiver;
    private long peerHandle;

    UipcTransport(final Path workDir, final String backend, final WaitPolicy policy) {
        this.file = workDir.resolve(DOMAIN_FILE);
        this.backend = backend;
        this.policy = policy;
    }

    /**
     * Creates the domain both sides attach: the coordinator's job, before it starts them.
     *
     * @param workDir the run's directory
     * @param backend backend name
     */
    static void createDomain(final Path workDir, final String backend) {
        Backends.select(backend).backend().create(DomainConfig.of(workDir.resolve(DOMAIN_FILE)).withCapacities(4, 16)).close();
    }

    @Override
    public String prepare() {
        domain = Backends.select(backend).backend().attach(file);
        receiver = domain.registerReceiver();
        receiver.waitPolicy(policy);
        return Long.toString(receiver.registerVector(VECTOR));
    }

    @Override
    public void connect(final String peerInfo) {
        peerHandle = Long.parseLong(peerInfo);
    }

    @Override
    public void send() {
        SendResult.check(domain.send(peerHandle));
    }

    @Override
    public void receive() {
        long vectors;
        do {
            vectors = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } while (vectors == 0);
        if (vectors != 1L << VECTOR) {
            throw new IllegalStateException("received vectors 0x" + Long.toHexString(vectors) + ", expected only vector " + VECTOR);
        }
    }
}
