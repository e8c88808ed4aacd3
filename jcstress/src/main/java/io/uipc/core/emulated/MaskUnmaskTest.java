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
 * A Dekker pair on two words: the sender CASes the PIR then reads the mask; the receiver's
 * unmask (EmulatedReceiver.unmask) CASes the mask then reads the PIR. At least one must see
 * the other, so the unmasked, pending vector is notified. r1: the send's result (1 POSTED
 * without notification, 2 NOTIFIED); r2: ON afterwards; r3: the vector still pending.
 */
@JCStressTest
@Description("unmask vs a post of the masked vector: one of them notifies")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "sender saw the vector masked; unmask saw the bit and notified")
@Outcome(id = "2, 1, 1", expect = ACCEPTABLE, desc = "unmask first; the sender notified")
@Outcome(expect = FORBIDDEN, desc = "the bit pending and unmasked with nobody notified: store-load reordering")
@State
public class MaskUnmaskTest {
    private static final int VECTOR = 12;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);
    private final int generation = receiver.upidGeneration();

    public MaskUnmaskTest() {
        receiver.mask(VECTOR);
    }

    @Actor
    public void sender(final III_Result r) {
        r.r1 = Segment.notification(segment.upids.post(index, generation, VECTOR));
    }

    @Actor
    public void unmask() {
        receiver.unmask(VECTOR);
    }

    @Arbiter
    public void after(final III_Result r) {
        r.r2 = segment.on(index);
        r.r3 = segment.pending(index, VECTOR);
    }
}
