package io.uipc.core.emulated;

import io.uipc.core.ReceiverClosedException;
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
 * A thread blocked in await(forever) while another thread closes the receiver (as a dispatcher
 * outliving its receiver, or a reaper reclaiming the slot). The release wakes the sleeper and
 * await ends, throwing ReceiverClosedException (ipc-core before the SPIN model went back to sleep
 * on the freed slot forever).
 */
@JCStressTest(Mode.Termination)
@Description("await(forever) vs close(): await returns")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await returned once the receiver was closed")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "await slept on after close: a hung thread")
@State
public class AwaitVsCloseTest {
    private final Segment segment = new Segment(1, 1);
    private final EmulatedReceiver receiver = segment.receiver(segment.claim(Segment.PID_A));

    @Actor
    public void await() {
        try {
            receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (final ReceiverClosedException closed) {
            // how await ends on a closed receiver: told apart from a timeout
        }
    }

    @Signal
    public void close() {
        receiver.close();
    }
}
