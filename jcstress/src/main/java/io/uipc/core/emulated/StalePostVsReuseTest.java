package io.uipc.core.emulated;

import io.uipc.core.SendResult;
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
 * Generation checks: a sender resolved the receiver's slot at generation g and posts a vector
 * in each PIR word while the slot is released and claimed by a newcomer (generation g + 2).
 * The stale posts land in g's words (and are dropped by the release) or fail RECEIVER_GONE;
 * never in the newcomer's. r1: stale posts that reported success (0..2); r2: what the
 * newcomer's take got (1 if anything); r3: ON in either of the newcomer's PIR words; r4: 1 if
 * PIR low, PIR high and the state word all carry the newcomer's generation.
 */
@JCStressTest
@Description("stale post vs release and reclaim: never lands in, or notifies, the newcomer")
@Outcome(id = "0, 0, 0, 1", expect = ACCEPTABLE, desc = "both stale posts failed RECEIVER_GONE")
@Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "one stale post landed before the release, which dropped it")
@Outcome(id = "2, 0, 0, 1", expect = ACCEPTABLE, desc = "both landed before the release, which dropped them")
@Outcome(expect = FORBIDDEN, desc = "a stale post reached the newcomer, or the slot's generations disagree")
@State
public class StalePostVsReuseTest {
    private static final int LOW_VECTOR = 9;
    private static final int HIGH_VECTOR = 41;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final int stale = segment.upids.generation(index);

    @Actor
    public void staleSender(final IIII_Result r) {
        final int low = segment.upids.post(index, stale, LOW_VECTOR);
        final int high = segment.upids.post(index, stale, HIGH_VECTOR);
        r.r1 = (SendResult.isPosted(low) ? 1 : 0) + (SendResult.isPosted(high) ? 1 : 0);
    }

    @Actor
    public void releaseAndReclaim() {
        segment.upids.release(index, stale);
        segment.claim(Segment.PID_B);
    }

    @Arbiter
    public void after(final IIII_Result r) {
        final int newcomer = segment.upids.generation(index);
        r.r3 = segment.anyOn(index);
        r.r2 = segment.take(index) != 0 ? 1 : 0;
        r.r4 = newcomer == Segment.twoAfter(stale) ? segment.consistent(index) : 0;
    }
}
