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
 * read the state, see ON or CAS BLKD in, re-check the PIR) against a send (PIR CAS, then the
 * state). Either the receiver sees the notification or the bit, or the sender sees BLKD and
 * wakes it. r1: 1 receiver saw ON, 2 its BLKD CAS lost to a state change (it loops), 3 it saw
 * the bit after BLKD, 4 it would sleep; r2: the send's result (2 NOTIFIED, 3 WOKEN).
 */
@JCStressTest
@Description("BLKD announce vs post: the receiver sees the bit or the sender sees BLKD")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "sender notified first; the receiver saw ON")
@Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "sender set ON between the receiver's read and its BLKD CAS")
@Outcome(id = "3, 3", expect = ACCEPTABLE, desc = "receiver announced BLKD and saw the bit; the sender woke it too")
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
        if ((state & UpidDescriptor.ON) != 0) {
            r.r1 = 1;
        } else if (!upids.casState(index, state, state | UpidDescriptor.BLKD)) {
            r.r1 = 2;
        } else {
            r.r1 = upids.hasDeliverable(index) ? 3 : 4;
        }
    }

    @Actor
    public void sender(final II_Result r) {
        r.r2 = Segment.notification(segment.upids.post(index, generation, VECTOR));
    }
}
