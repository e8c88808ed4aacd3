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
 * SN is the receiver's own field, and suppression holds ON set in the UPID, so a send to a
 * suppressed receiver posts its bit and notifies nobody: the receiver awaits (takes nothing,
 * announces BLKD and sleeps with ON held) while another thread resumes it
 * (EmulatedReceiver.resume: SN's store, then a self-notification that, always, clears BLKD
 * and wakes). The SN store then state read, against the receiver's BLKD CAS then SN read, is a
 * Dekker pair: await returns the vector.
 */
@JCStressTest(Mode.Termination)
@Description("await while suppressed with a vector pending vs resume: the receiver always gets it")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await returned the vector once resumed")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the receiver slept on with ON held after resume")
@State
public class SuppressResumeTest {
    private static final int VECTOR = 50;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);

    public SuppressResumeTest() {
        receiver.suppress();
        segment.upids.post(index, receiver.upidGeneration(), VECTOR);
    }

    @Actor
    public void await() {
        while (receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS) != 1L << VECTOR) {
            Thread.onSpinWait();
        }
    }

    @Signal
    public void resume() {
        receiver.resume();
    }
}
