package io.uipc.core.crossprocess;

import io.uipc.core.SendResult;
import io.uipc.core.WaitPolicy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static io.uipc.core.crossprocess.SendCodes.assertCode;
import static io.uipc.core.crossprocess.SendCodes.assertCodes;
import static io.uipc.core.crossprocess.SendCodes.assertPosted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sender JVM to receiver JVM: delivery, wake-up, coalescing, priority order, await timeouts. */
class CrossProcessDeliveryTest extends SenderReceiverTest {
    @Test
    void everyVectorIsDeliveredOneByOneAndAllAtOnce() {
        receiver.open(WaitPolicy.BLOCK);
        final long[] handles = receiver.register(IntStream.range(0, 64).toArray());
        for (int v = 0; v < 64; v++) {
            receiver.startAwait(AWAIT_MILLIS);
            assertPosted(sender.send(handles[v]));
            assertEquals(1L << v, receiver.awaited(), "vector " + v + " alone");
        }
        final int[] expected = new int[64];
        Arrays.fill(expected, SendResult.POSTED);
        expected[0] = SendResult.NOTIFIED;
        expected[32] = SendResult.NOTIFIED;
        assertCodes(expected, sender.send(handles), "the first send into each PIR word notifies (each has its ON), the rest find ON set");
        assertEquals(-1L, receiver.poll(), "all 64 vectors in one take");
        assertEquals(0L, receiver.poll(), "a take empties the PIR");
        final Counters counters = receiver.counters();
        assertEquals(128, counters.posted());
        assertEquals(0, counters.coalesced());
        assertEquals(128, counters.delivered());
    }

    @Test
    void senderWakesReceiverBlockedInTheKernel() {
        receiver.open(WaitPolicy.BLOCK);
        final long handle = receiver.register(9);
        receiver.startAwait(AWAIT_MILLIS);
        awaitBlocked(receiver);
        assertCode(SendResult.WOKEN, sender.send(handle));
        assertEquals(1L << 9, receiver.awaited());
        assertEquals(new Counters(1, 0, 1, 1), receiver.counters());
    }

    @Test
    void repeatedSendsBeforeTheReceiverLooksCoalesce() {
        receiver.open(WaitPolicy.SPIN_YIELD_BLOCK);
        final long handle = receiver.register(5);
        final int c = SendResult.COALESCED;
        assertCodes(new int[] {SendResult.NOTIFIED, c, c, c, c}, sender.send(handle, handle, handle, handle, handle));
        assertEquals(1L << 5, receiver.poll(), "five sends, one delivery");
        assertEquals(0L, receiver.poll());
        assertEquals(new Counters(1, 4, 1, 0), receiver.counters());
        assertCode(SendResult.NOTIFIED, sender.send(handle));
        assertEquals(1L << 5, receiver.poll(), "a send after the take is a new delivery");
        assertEquals(new Counters(2, 4, 2, 0), receiver.counters());
    }

    @Test
    void dispatcherRunsHandlersHighestVectorFirst() {
        receiver.open(WaitPolicy.SPIN_YIELD_BLOCK);
        final long[] handles = receiver.register(0, 3, 17, 40, 63);
        receiver.startDispatcher();
        receiver.suppress();
        final int p = SendResult.POSTED;
        assertCodes(new int[] {p, p, p, p, p}, sender.send(handles), "suppressed: posted, not notified");
        receiver.resume();
        for (final int expected : new int[] {63, 40, 17, 3, 0}) {
            assertEquals(expected, receiver.nextHandled());
        }
    }

    /**
     * UIRR, across processes: with 1 and 3 pending, 63 is posted by another process while the
     * handler of 3 runs; the hardware recognises the highest pending vector after each handler,
     * so 63 runs before 1.
     */
    @Test
    void afterEachHandlerTheHighestPendingVectorRunsIncludingOnePostedMeanwhile() {
        receiver.open(WaitPolicy.SPIN_YIELD_BLOCK);
        final long[] handles = receiver.register(1, 3, 63);
        receiver.startDispatcherHolding(3);
        receiver.suppress();
        assertCodes(new int[] {SendResult.POSTED, SendResult.POSTED}, sender.send(handles[0], handles[1]), "suppressed: 1 and 3 pending");
        receiver.resume();
        assertEquals(3, receiver.nextHolding(), "the highest of 1 and 3 runs first");
        assertPosted(sender.send(handles[2]));
        receiver.release();
        for (final int expected : new int[] {3, 63, 1}) {
            assertEquals(expected, receiver.nextHandled());
        }
    }

    @Test
    void awaitWithNothingSentTimesOutEmptyUnderEveryPolicy() {
        receiver.open(WaitPolicy.BLOCK);
        final long handle = receiver.register(33);
        for (final WaitPolicy policy : WaitPolicy.values()) {
            receiver.policy(policy);
            assertEquals(0L, receiver.await(20), policy + " await(20 ms)");
            assertEquals(0L, receiver.await(0), policy + " await(0)");
            assertPosted(sender.send(handle));
            assertEquals(1L << 33, receiver.await(20), policy + " await(20 ms) with a vector pending");
        }
        assertEquals(WaitPolicy.values().length, receiver.counters().delivered());
    }
}
