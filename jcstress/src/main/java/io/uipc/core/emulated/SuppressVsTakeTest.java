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
 * Suppress racing a take (the model's MUT_TAKE_SN_ONCE and MUT_TAKE_NO_ON_RESTORE): vector A is
 * pending with ON set; one thread polls while another suppresses and then posts vector B into
 * the same PIR word. The take reads SN between its read of the word and its CAS, so B, posted
 * after suppress returned, is never taken; and a take whose CAS cleared ON after suppress held
 * it sets ON again, so a suppressed receiver always holds ON. r1, r2: the poll got A, got B;
 * r3: ON in the word once both are done (still suppressed); r4: after resume, a poll got A (2)
 * and/or B (1).
 */
@JCStressTest
@Description("suppress vs take: nothing posted after suppress is taken, ON stays held, A once, B after resume")
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "the take came first and got A; resume delivers B")
@Outcome(id = "0, 0, 1, 3", expect = ACCEPTABLE, desc = "suppress came first; resume delivers A and B")
@Outcome(expect = FORBIDDEN, desc = "B taken while suppressed, ON not held while suppressed, or A or B lost or doubled")
@State
public class SuppressVsTakeTest {
    private static final int A = 3;
    private static final int B = 5;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);
    private final int generation = receiver.upidGeneration();

    {
        segment.upids.post(index, generation, A);
    }

    @Actor
    public void taker(final IIII_Result r) {
        final long taken = receiver.poll();
        r.r1 = Segment.has(taken, A);
        r.r2 = Segment.has(taken, B);
    }

    @Actor
    public void suppressThenSend() {
        receiver.suppress();
        segment.upids.post(index, generation, B);
    }

    @Arbiter
    public void after(final IIII_Result r) {
        r.r3 = segment.on(index, A);
        receiver.resume();
        final long taken = receiver.poll();
        r.r4 = 2 * Segment.has(taken, A) + Segment.has(taken, B);
    }
}
