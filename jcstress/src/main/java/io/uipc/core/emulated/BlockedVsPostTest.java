package io.uipc.core.emulated;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The receiver's announce-then-recheck (the steps EmulatedReceiver.block takes before FUTEX_WAIT:
 * read the state, look at the PIR, CAS BLKD in, look at the PIR again) against a send (PIR
 * exchange setting the bit and ON, then the state). Either the receiver sees the bit and ON,
 * or the sender sees BLKD and wakes it. r1: 1 the receiver saw ON before announcing, 2 its BLKD
 * CAS failed (nothing but the receiver sets BLKD, and the sender changes the state only to
 * clear BLKD: impossible), 3 it saw ON after BLKD, 4 it would sleep; r2: the send's result
 * (2 NOTIFIED, 3 WOKEN).
 */
@JCStressTest
@Description("BLKD announce vs post: the receiver sees the bit or the sender sees BLKD")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "sender posted first; the receiver saw ON")
@Outcome(id = "3, 2", expect = ACCEPTABLE, desc = "receiver announced BLKD after the sender read the state, and saw ON")
@Outcome(id = "3, 3", expect = ACCEPTABLE, desc = "receiver announced BLKD and saw ON; the sender woke it too")
@Outcome(id = "4, 3", expect = ACCEPTABLE, desc = "receiver would sleep; the sender saw BLKD and wakes it")
@Outcome(expect = FORBIDDEN, desc = "the receiver would sleep and the sender did not see BLKD: lost wake-up")
@State
public class BlockedVsPostTest {
    private static final int VECTOR = 33;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final int generation = segment.upids.generation(index);

    @Actor
    public void receiver(final II_Result r) {
        final UpidTable upids = segment.upids;
        final int state = upids.state(index);
        if (upids.needsTake(index, -1L)) {
            r.r1 = 1;
        } else if (!upids.casState(index, state, state | UpidDescriptor.BLKD)) {
            r.r1 = 2;
        } else {
            r.r1 = upids.needsTake(index, -1L) ? 3 : 4;
        }
    }

    @Actor
    public void sender(final II_Result r) {
        r.r2 = Segment.notification(segment.upids.post(index, generation, VECTOR));
    }
}
