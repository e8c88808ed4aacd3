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
 * ON transitions on one PIR word: a notification is outstanding (ON set, no bit: a
 * self-notification) when a sender posts and the receiver takes. A sender that finds ON set
 * does not notify; ON and the bits change in one atomic step on each side, so the take either
 * ran before the post (it cleared ON, and the post sets it again and notifies) or after it (it
 * takes the bit and clears ON). r1: the send's result (1 POSTED without notification,
 * 2 NOTIFIED); r2: the take got the vector; r3: ON afterwards; r4: still pending.
 */
@JCStressTest
@Description("ON set: the sender does not notify and the take gets its bit, or the take ran first and it notifies")
@Outcome(id = "1, 1, 0, 0", expect = ACCEPTABLE, desc = "sender saw ON set, no notification; the take got the bit")
@Outcome(id = "2, 0, 1, 1", expect = ACCEPTABLE, desc = "take first; the sender found ON clear and notified")
@Outcome(expect = FORBIDDEN, desc = "the bit pending with ON clear, a take that saw half a post, or a wrong delivery")
@State
public class OnNotificationTest {
    private static final int VECTOR = 3;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final int generation = segment.upids.generation(index);

    public OnNotificationTest() {
        segment.upids.selfNotify(index, generation);
    }

    @Actor
    public void sender(final IIII_Result r) {
        r.r1 = Segment.notification(segment.upids.post(index, generation, VECTOR));
    }

    @Actor
    public void receiver(final IIII_Result r) {
        r.r2 = Segment.has(segment.upids.take(index, generation, -1L, Suppression.NEVER), VECTOR);
    }

    @Arbiter
    public void after(final IIII_Result r) {
        r.r3 = segment.on(index, VECTOR);
        r.r4 = segment.pending(index, VECTOR);
    }
}
