package io.uipc.core.crossprocess;

import io.uipc.core.WaitPolicy;
import org.junit.jupiter.api.Test;

import static io.uipc.core.crossprocess.SendCodes.assertPosted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The thread-interrupt mode across processes: a send from another JVM wakes a thread of the
 * receiver JVM that is blocked in {@code Thread.sleep} or {@code BlockingQueue.take}, as a
 * signal would, through a {@link io.uipc.core.Dispatcher} that itself sleeps in the kernel.
 */
class ThreadInterruptModeTest extends SenderReceiverTest {
    private static final int SLEEP_VECTOR = 20;
    private static final int TAKE_VECTOR = 21;

    @Test
    void eachVectorInterruptsItsBlockedThread() {
        receiver.open(WaitPolicy.BLOCK);
        final long[] handles = receiver.register(SLEEP_VECTOR, TAKE_VECTOR);
        assertEquals("TIMED_WAITING WAITING", receiver.startInterrupters(SLEEP_VECTOR, TAKE_VECTOR),
            "sleeper blocked in Thread.sleep, taker blocked in BlockingQueue.take");

        assertPosted(sender.send(handles[0]));
        receiver.expectInterrupted("sleeper");
        assertEquals("WAITING", receiver.threadStates().split(" ")[1], "the sleep vector leaves the taker blocked");

        assertPosted(sender.send(handles[1]));
        receiver.expectInterrupted("taker");
        assertEquals(2, receiver.counters().delivered());
    }
}
