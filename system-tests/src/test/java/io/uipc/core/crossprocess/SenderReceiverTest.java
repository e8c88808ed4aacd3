package io.uipc.core.crossprocess;

import io.uipc.core.InterruptDomain;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import io.uipc.testing.raw.DomainSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * The cast of a cross-process test: a fresh domain, a receiver JVM and a sender JVM attached
 * to it, started before each test and stopped after it. Each test opens the receiver with the
 * wait policy it needs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SenderReceiverTest {
    /** An await that only a delivery ends in time; the test's own deadline is the real bound. */
    static final long AWAIT_MILLIS = 30_000;

    private TempGroups groups;
    InterruptDomain domain;
    RemoteReceiver receiver;
    RemoteSender sender;

    /** @return UPID slots of each test's domain */
    int upidCapacity() {
        return 4;
    }

    /** @return shared UITT entries of each test's domain */
    int uittCapacity() {
        return 128;
    }

    @BeforeEach
    final void startJvms() {
        groups = new TempGroups();
        domain = groups.createDomain(upidCapacity(), uittCapacity());
        receiver = RemoteReceiver.start("receiver", domain);
        sender = RemoteSender.start("sender", domain);
    }

    @AfterEach
    final void stopJvms() {
        try {
            sender.close();
            receiver.close();
        } finally {
            domain.close();
            groups.close();
        }
    }

    /** Waits until {@code r}'s receiver sleeps in the kernel (BLKD set), so a send must wake it. */
    void awaitBlocked(final RemoteReceiver r) {
        DomainSegment.map(domain.path()).awaitBlocked(r.upid(), JvmProcess.DEFAULT_TIMEOUT);
    }
}
