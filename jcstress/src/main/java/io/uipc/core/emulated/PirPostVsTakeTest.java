package io.uipc.core.emulated;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * UpidTable.post's PIR CAS against UpidTable.take's take-and-clear CAS, in the high PIR word
 * (vector 40; the low word is the same code). r1: the racing take got the vector; r2: a take
 * after both got it.
 */
@JCStressTest
@Description("PIR set vs take-and-clear: a posted vector is taken exactly once")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the racing take saw the bit and cleared it")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the take ran first; the bit waited for the next take")
@Outcome(expect = FORBIDDEN, desc = "lost (0, 0) or delivered twice (1, 1)")
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
    public void receiver(final II_Result r) {
        r.r1 = Segment.has(segment.upids.take(index, generation), VECTOR);
    }

    @Arbiter
    public void after(final II_Result r) {
        r.r2 = Segment.has(segment.upids.take(index, generation), VECTOR);
    }
}
