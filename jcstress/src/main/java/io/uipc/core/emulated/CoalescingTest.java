package io.uipc.core.emulated;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Coalescing as UINTR defines it: two sends of one vector against a take. Sends that find the
 * bit pending merge into it; each delivery matches exactly one send that set the bit (the
 * posted counter). r1: the racing take got the vector; r2: a take after both got it; r3: the
 * slot's posted counter.
 */
@JCStressTest
@Description("two sends of one vector vs a take: n sends before a take give one delivery")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "both sends before the take: coalesced into one delivery")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "take first: both sends coalesced for the next take")
@Outcome(id = "1, 1, 2", expect = ACCEPTABLE, desc = "take between the sends: one delivery each")
@Outcome(expect = FORBIDDEN, desc = "a send lost, delivered twice, or miscounted")
@State
public class CoalescingTest {
    private static final int VECTOR = 7;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final int generation = segment.upids.generation(index);

    @Actor
    public void sender() {
        segment.upids.post(index, generation, VECTOR);
        segment.upids.post(index, generation, VECTOR);
    }

    @Actor
    public void receiver(final III_Result r) {
        r.r1 = Segment.has(segment.upids.take(index, generation), VECTOR);
    }

    @Arbiter
    public void after(final III_Result r) {
        r.r2 = Segment.has(segment.upids.take(index, generation), VECTOR);
        r.r3 = (int) segment.upids.word(index, UpidDescriptor.POSTED_OFFSET);
    }
}
