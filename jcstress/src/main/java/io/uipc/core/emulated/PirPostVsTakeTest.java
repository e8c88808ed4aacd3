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
 * UpidTable.post's one exchange (bit and ON) against UpidTable.take's one CAS (take the bits,
 * clear ON) on the same PIR word, the high one (vector 40; the low word is the same code), an
 * idle receiver's word: the post's first guess. r1: the racing take got the vector; r2: ON
 * after both; r3: a take after both got the vector.
 */
@JCStressTest
@Description("post vs take on one PIR word: a posted vector is taken exactly once, and pending only with ON")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "the racing take saw the bit and ON, and cleared both")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "the take ran first; the bit and ON waited for the next take")
@Outcome(expect = FORBIDDEN, desc = "lost, delivered twice, or the bit pending with ON clear (a lost notification)")
@State
public class PirPostVsTakeTest {
    private static final int VECTOR = 40;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final int generation = segment.upids.generation(index);

    @Actor
    public void sender() {
        segment.upids.post(index, generation, VECTOR);
    }

    @Actor
    public void receiver(final III_Result r) {
        r.r1 = Segment.has(segment.upids.take(index, generation, -1L, Suppression.NEVER), VECTOR);
    }

    @Arbiter
    public void after(final III_Result r) {
        r.r2 = segment.on(index, VECTOR);
        r.r3 = Segment.has(segment.upids.take(index, generation, -1L, Suppression.NEVER), VECTOR);
    }
}
