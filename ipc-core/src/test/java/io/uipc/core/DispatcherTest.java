package io.uipc.core;

import io.uipc.core.testing.TempDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A dispatcher's thread ends when it is closed, and when its receiver is closed under it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DispatcherTest {
    @Test
    void threadEndsWhenItsBlockedReceiverIsClosed() throws InterruptedException {
        for (final WaitPolicy policy : WaitPolicy.values()) {
            try (TempDomain domain = TempDomain.create(1, 1)) {
                final Receiver receiver = domain.domain().registerReceiver();
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
        try (TempDomain domain = TempDomain.create(1, 1)) {
            final Receiver receiver = domain.domain().registerReceiver();
            receiver.waitPolicy(WaitPolicy.BLOCK);
            final Dispatcher dispatcher = receiver.startDispatcher("dispatcher");
            dispatcher.close();
            assertFalse(dispatcher.thread().isAlive());
            receiver.close();
        }
    }
}
