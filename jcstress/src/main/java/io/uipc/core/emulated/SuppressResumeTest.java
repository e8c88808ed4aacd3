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
 * SN transitions: the receiver is suppressed (SN set, like CLUI) while a sender posts, and
 * resumes (EmulatedReceiver.resume, like STUI) concurrently. Either the sender finds SN clear
 * and notifies, or resume finds the bit and notifies itself. r1: the send's result (1 POSTED
 * without notification, 2 NOTIFIED); r2: ON afterwards; r3: the vector still pending.
 */
@JCStressTest
@Description("SN cleared by resume vs a post: one of them notifies")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "sender saw SN set; resume saw the bit and notified")
@Outcome(id = "2, 1, 1", expect = ACCEPTABLE, desc = "resume cleared SN first; the sender notified")
@Outcome(expect = FORBIDDEN, desc = "the bit pending, SN clear and nobody notified: a lost notification")
@State
public class SuppressResumeTest {
    private static final int VECTOR = 50;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);
    private final int generation = receiver.upidGeneration();

    public SuppressResumeTest() {
        receiver.suppress();
    }

    @Actor
    public void sender(final III_Result r) {
        r.r1 = Segment.notification(segment.upids.post(index, generation, VECTOR));
    }

    @Actor
    public void resume() {
        receiver.resume();
    }

    @Arbiter
    public void after(final III_Result r) {
        r.r2 = segment.on(index);
        r.r3 = segment.pending(index, VECTOR);
    }
}
