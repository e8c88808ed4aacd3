package io.uipc.core.crossprocess;

import io.uipc.core.Grant;
import io.uipc.core.SendResult;
import io.uipc.core.UittHandle;
import io.uipc.core.WaitPolicy;
import org.junit.jupiter.api.Test;

import static io.uipc.core.crossprocess.SendCodes.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both UITT models across processes: Oracle's one UITT shared by the domain, receivers
 * registering themselves; and the kernel RFC's, a grant handed to one sender that registers
 * it in its own private UITT.
 */
class UittModelsTest extends SenderReceiverTest {
    @Test
    void receiversInTwoProcessesRegisterInOneSharedUitt() {
        try (RemoteReceiver second = RemoteReceiver.start("receiver-2", domain)) {
            final long h1 = receiver.open(WaitPolicy.SPIN_YIELD_BLOCK).register(11);
            final long h2 = second.open(WaitPolicy.SPIN_YIELD_BLOCK).register(11);
            assertNotEquals(receiver.upid(), second.upid());
            assertNotEquals(UittHandle.index(h1), UittHandle.index(h2), "two entries of the one shared table");

            assertCode(SendResult.NOTIFIED, sender.send(h1));
            assertEquals(1L << 11, receiver.poll());
            assertEquals(0L, second.poll(), "an entry reaches only its own receiver");
            assertCode(SendResult.NOTIFIED, sender.sendIndex(UittHandle.index(h2)));
            assertEquals(1L << 11, second.poll(), "SENDUIPI by bare shared index");
            assertEquals(0L, receiver.poll());
        }
    }

    @Test
    void grantHandedToAnotherProcessIsRegisteredInItsPrivateUitt() {
        receiver.open(WaitPolicy.SPIN_YIELD_BLOCK);
        final Grant grant = receiver.grant(30);
        assertEquals(new Grant(receiver.upid(), receiver.generation(), 30), grant);
        final int privateIndex = sender.registerGrant(grant);

        assertCode(SendResult.NOTIFIED, sender.sendPrivate(privateIndex));
        assertEquals(1L << 30, receiver.poll());
        // the grant model put nothing in the shared UITT
        assertCode(SendResult.INVALID_ENTRY, sender.sendIndex(0));

        receiver.process().send("grant 30");
        assertTrue(receiver.process().expect("error grant").contains("EBUSY"), "one grant per vector, as the RFC");
    }

    @Test
    void bothModelsReachOneReceiverTogether() {
        receiver.open(WaitPolicy.SPIN_YIELD_BLOCK);
        final long shared = receiver.register(1);
        final int privateIndex = sender.registerGrant(receiver.grant(2));
        assertCode(SendResult.NOTIFIED, sender.send(shared));
        assertCode(SendResult.POSTED, sender.sendPrivate(privateIndex));
        assertEquals((1L << 1) | (1L << 2), receiver.poll());
    }
}
