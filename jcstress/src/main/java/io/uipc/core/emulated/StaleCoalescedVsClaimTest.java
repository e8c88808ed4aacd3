package io.uipc.core.emulated;

import io.uipc.core.SendResult;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Tagged counters: a sender of generation g finds its vector pending (it coalesces) and
 * increments the coalesced counter while the slot is released and claimed by a newcomer, whose
 * claim resets the counter to its own generation's tag. The increment is a CAS from a word of
 * g's tag, so it lands in g's counter (which nobody reads any more) or is dropped; it never
 * lands in the newcomer's statistics (v1's atomic add did). r1: 0 the send coalesced, 1 it
 * found the receiver gone; r2: the newcomer's coalesced count.
 */
@JCStressTest
@Description("stale coalesced increment vs release and claim: never counted for the newcomer")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the send coalesced before the release; its count went to the old generation or was dropped")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the send found the slot released: RECEIVER_GONE")
@Outcome(expect = FORBIDDEN, desc = "a stale increment landed in the newcomer's counter")
@State
public class StaleCoalescedVsClaimTest {
    private static final int VECTOR = 5;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final int stale = segment.upids.generation(index);

    public StaleCoalescedVsClaimTest() {
        segment.upids.post(index, stale, VECTOR);
    }

    @Actor
    public void staleSender(final II_Result r) {
        final int result = segment.upids.post(index, stale, VECTOR);
        r.r1 = result == SendResult.COALESCED ? 0 : result == SendResult.RECEIVER_GONE ? 1 : 100 + result;
    }

    @Actor
    public void releaseAndClaim() {
        segment.upids.release(index, stale);
        segment.claim(Segment.PID_B);
    }

    @Arbiter
    public void after(final II_Result r) {
        r.r2 = (int) segment.upids.count(index, segment.upids.generation(index), UpidDescriptor.COALESCED_OFFSET);
    }
}
