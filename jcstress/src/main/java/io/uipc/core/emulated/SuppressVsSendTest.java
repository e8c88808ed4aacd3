package io.uipc.core.emulated;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Suppression holds ON: EmulatedReceiver.suppress sets SN (a field) and then ON in both PIR
 * words, racing a send into the high word (its exchange sets the bit and ON). Whichever comes
 * first, ON ends up set in the word, so later sends notify nobody while SN holds, nothing is
 * taken while suppressed, and resume delivers the vector. r1: the send's result (1 POSTED:
 * ON held already, 2 NOTIFIED: the send came first); r2: a poll while suppressed got the
 * vector; r3: ON in the vector's word while suppressed; r4: a poll after resume got it.
 */
@JCStressTest
@Description("suppress vs a send: ON is held either way, nothing taken until resume, then delivered")
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "suppress held ON first; the send posted without notifying")
@Outcome(id = "2, 0, 1, 1", expect = ACCEPTABLE, desc = "the send set ON first and notified; suppress found ON set")
@Outcome(expect = FORBIDDEN, desc = "taken while suppressed, ON not held, or the vector lost")
@State
public class SuppressVsSendTest {
    private static final int VECTOR = 45;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);
    private final int generation = receiver.upidGeneration();

    @Actor
    public void suppress() {
        receiver.suppress();
    }

    @Actor
    public void sender(final IIII_Result r) {
        r.r1 = Segment.notification(segment.upids.post(index, generation, VECTOR));
    }

    @Arbiter
    public void after(final IIII_Result r) {
        r.r2 = Segment.has(receiver.poll(), VECTOR);
        r.r3 = segment.on(index, VECTOR);
        receiver.resume();
        r.r4 = Segment.has(receiver.poll(), VECTOR);
    }
}
