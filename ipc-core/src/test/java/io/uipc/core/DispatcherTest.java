package io.uipc.core;

import io.uipc.core.emulated.EmulatedDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A dispatcher's thread ends when it is closed, and when its receiver is closed under it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DispatcherTest {
    @TempDir
    Path dir;

    @Test
    void threadEndsWhenItsBlockedReceiverIsClosed() throws InterruptedException {
        for (final WaitPolicy policy : WaitPolicy.values()) {
            try (InterruptDomain domain = newDomain("domain-" + policy)) {
                final Receiver receiver = domain.registerReceiver();
                receiver.waitPolicy(policy);
                final Dispatcher dispatcher = receiver.startDispatcher("dispatcher-" + policy);
                receiver.close();
                dispatcher.thread().join(TimeUnit.SECONDS.toMillis(15));
                assertFalse(dispatcher.thread().isAlive(), policy + ": dispatcher still running on a closed receiver: "
                    + dispatcher.thread().getState());
                dispatcher.close();
            }
        }
    }

    @Test
    void threadEndsWhenClosed() throws InterruptedException {
        try (InterruptDomain domain = newDomain("domain")) {
            final Receiver receiver = domain.registerReceiver();
            receiver.waitPolicy(WaitPolicy.BLOCK);
            final Dispatcher dispatcher = receiver.startDispatcher("dispatcher");
            dispatcher.close();
            assertFalse(dispatcher.thread().isAlive());
            receiver.close();
        }
    }

    private InterruptDomain newDomain(final String file) {
        return EmulatedDomain.create(DomainConfig.of(dir.resolve(file)).withCapacities(1, 1));
    }
}
