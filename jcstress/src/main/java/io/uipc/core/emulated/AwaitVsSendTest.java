package io.uipc.core.emulated;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.util.concurrent.TimeUnit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * End to end with a real futex: EmulatedReceiver.await (block policy: announce BLKD, re-check,
 * FUTEX_WAIT) against UpidTable.post (PIR CAS, ON, FUTEX_WAKE) at any moment.
 */
@JCStressTest(Mode.Termination)
@Description("await(forever) vs a send: the receiver always wakes")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await returned the vector")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: await slept through the send")
@State
public class AwaitVsSendTest {
    private static final int VECTOR = 62;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);

    @Actor
    public void await() {
        while (receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS) != 1L << VECTOR) {
            Thread.onSpinWait();
        }
    }

    @Signal
    public void send() {
        segment.upids.post(index, receiver.upidGeneration(), VECTOR);
    }
}
