package io.uipc.core.crossprocess;

import io.uipc.core.SendResult;
import io.uipc.core.WaitPolicy;
import org.junit.jupiter.api.Test;

import static io.uipc.core.crossprocess.SendCodes.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Per-vector mask and suppress/resume (SN) across processes. "No delivery and no wake" is
 * shown by the sender's result (the protocol's decision not to notify or wake: a masked
 * vector notifies at most once per take, a suppressed receiver never), the
 * receiver's counters read after the send, and the blocked receiver's await answering only
 * after unmask or resume.
 */
class CrossProcessMaskingTest extends SenderReceiverTest {
    @Test
    void maskedVectorStaysPendingAndIsDeliveredOnUnmask() {
        receiver.open(WaitPolicy.BLOCK);
        final long masked = receiver.register(7);
        final long other = receiver.register(8);
        receiver.mask(7);
        // Senders never read the mask (it is the receiver's): a fresh post of a masked vector
        // notifies once, and the receiver's look finds nothing to take; repeats coalesce silently.
        assertCode(SendResult.NOTIFIED, sender.send(masked));
        assertEquals(0L, receiver.poll(), "a masked vector is not taken");
        assertCode(SendResult.NOTIFIED, sender.send(other));
        assertEquals(1L << 8, receiver.poll(), "the unmasked vector is taken, the masked one stays pending");

        receiver.startAwait(AWAIT_MILLIS);
        awaitBlocked(receiver);
        assertCode(SendResult.COALESCED, sender.send(masked));
        assertEquals(new Counters(2, 1, 1, 0), receiver.counters(), "blocked with vector 7 pending, masked");
        receiver.unmask(7);
        assertEquals(1L << 7, receiver.awaited(), "unmask delivers the pending vector to the blocked receiver");
        assertEquals(new Counters(2, 1, 2, 0), receiver.counters());
    }

    @Test
    void suppressedReceiverIsNeitherNotifiedNorWokenUntilResume() {
        receiver.open(WaitPolicy.BLOCK);
        final long first = receiver.register(12);
        final long second = receiver.register(13);
        receiver.suppress();
        assertCode(SendResult.POSTED, sender.send(first));
        assertEquals(0L, receiver.poll(), "nothing is delivered while suppressed");

        receiver.startAwait(AWAIT_MILLIS);
        awaitBlocked(receiver);
        assertCode(SendResult.POSTED, sender.send(second));
        assertEquals(new Counters(2, 0, 0, 0), receiver.counters(), "posted, not delivered, no wake-up");
        receiver.resume();
        assertEquals((1L << 12) | (1L << 13), receiver.awaited(), "resume delivers everything pending");
        assertEquals(new Counters(2, 0, 2, 0), receiver.counters());

        receiver.startAwait(AWAIT_MILLIS);
        awaitBlocked(receiver);
        assertCode(SendResult.WOKEN, sender.send(first));
        assertEquals(1L << 12, receiver.awaited(), "after resume, sends wake the receiver again");
        assertEquals(1, receiver.counters().wakeups());
    }
}
