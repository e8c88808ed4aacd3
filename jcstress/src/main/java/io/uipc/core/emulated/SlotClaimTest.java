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
 * UpidTable.claim's CAS (generation even to odd) from two claimers on two free slots. r1, r2:
 * the slots they got; r3: 1 if each slot records its claimer's pid and both generations are odd.
 */
@JCStressTest
@Description("slot claim CAS: two claimers never get the same slot")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "first claimer got slot 0, second slot 1")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "second claimer got slot 0, first slot 1")
@Outcome(expect = FORBIDDEN, desc = "both got the same slot, or a slot records the wrong owner")
@State
public class SlotClaimTest {
    private final Segment segment = new Segment(2, 1);

    @Actor
    public void claimerA(final III_Result r) {
        r.r1 = segment.upids.claim(Segment.PID_A);
    }

    @Actor
    public void claimerB(final III_Result r) {
        r.r2 = segment.upids.claim(Segment.PID_B);
    }

    @Arbiter
    public void after(final III_Result r) {
        final UpidTable upids = segment.upids;
        final boolean owners = r.r1 >= 0 && r.r2 >= 0 && r.r1 != r.r2
            && upids.ownerPid(r.r1) == Segment.PID_A && upids.ownerPid(r.r2) == Segment.PID_B
            && UpidDescriptor.isClaimed(upids.generation(0)) && UpidDescriptor.isClaimed(upids.generation(1));
        r.r3 = owners ? 1 : 0;
    }
}
