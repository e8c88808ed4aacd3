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
 * Coalescing as UINTR defines it: two sends of one vector against the receiver's poll. Sends
 * that find the bit pending merge into it; each delivery matches exactly one send that set the
 * bit. The posted count is computed (delivered plus pending) and the coalesced one is a tagged
 * counter: together they account for both sends. r1: the racing poll got the vector; r2: a poll
 * after both got it; r3: the receiver's posted count; r4: its coalesced count.
 */
@JCStressTest
@Description("two sends of one vector vs a poll: n sends before a take give one delivery")
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "both sends before the take: coalesced into one delivery")
@Outcome(id = "0, 1, 1, 1", expect = ACCEPTABLE, desc = "take first: both sends coalesced for the next take")
@Outcome(id = "1, 1, 2, 0", expect = ACCEPTABLE, desc = "take between the sends: one delivery each")
@Outcome(expect = FORBIDDEN, desc = "a send lost, delivered twice, or miscounted")
@State
public class CoalescingTest {
    private static final int VECTOR = 7;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);
    private final int generation = receiver.upidGeneration();

    @Actor
    public void sender() {
        segment.upids.post(index, generation, VECTOR);
        segment.upids.post(index, generation, VECTOR);
    }

    @Actor
    public void receiver(final IIII_Result r) {
        r.r1 = Segment.has(receiver.poll(), VECTOR);
    }

    @Arbiter
    public void after(final IIII_Result r) {
        r.r2 = Segment.has(receiver.poll(), VECTOR);
        r.r3 = (int) receiver.postedCount();
        r.r4 = (int) receiver.coalescedCount();
    }
}
