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
 * A release racing the claim of a newcomer that grabs the slot the moment PIR low frees it.
 * The release must not touch the newcomer's PIR high or state word afterwards (ipc-core
 * before the SPIN model did: it CASed PIR high and getAndSet the state unconditionally).
 * r1: the newcomer's generation is the released one + 2; r2: PIR low, PIR high and the state
 * word agree; r3: the newcomer's owner pid is recorded.
 */
@JCStressTest
@Description("release vs a claimer waiting for the slot: the newcomer's words stay its own")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "the newcomer owns a consistent slot")
@Outcome(expect = FORBIDDEN, desc = "the release overwrote the newcomer's PIR high, state or owner")
@State
public class ReleaseVsClaimTest {
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final int released = segment.upids.generation(index);

    @Actor
    public void release() {
        segment.upids.release(index, released);
    }

    @Actor
    public void claimer() {
        while (segment.upids.claim(Segment.PID_B) < 0) {
            Thread.onSpinWait();
        }
    }

    @Arbiter
    public void after(final III_Result r) {
        r.r1 = segment.upids.generation(index) == Segment.twoAfter(released) ? 1 : 0;
        r.r2 = segment.consistent(index);
        r.r3 = segment.upids.ownerPid(index) == Segment.PID_B ? 1 : 0;
    }
}
