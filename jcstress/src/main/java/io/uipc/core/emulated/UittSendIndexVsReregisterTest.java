package io.uipc.core.emulated;

import io.uipc.core.SendResult;
import io.uipc.core.UittHandle;
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
 * SENDUIPI by index alone (no handle generation) while the entry moves from receiver A
 * (vector 20) to receiver B (vector 21): the send uses one whole registration, A's or B's,
 * never A's vector with B's target. r1: the send reported success; r2: B got A's vector (2),
 * its own (1) or nothing (0); r3: A got its vector.
 */
@JCStressTest
@Description("send by index vs unregister and re-register: one whole registration, never a torn entry")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "the send used A's registration")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "the send used B's registration")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "the send found the entry between registrations: INVALID/STALE")
@Outcome(expect = FORBIDDEN, desc = "A's vector reached B (a torn entry), or success without posting")
@State
public class UittSendIndexVsReregisterTest {
    private static final int VECTOR_A = 20;
    private static final int VECTOR_B = 21;
    private final Segment segment = new Segment(2, 1);
    private final int a = segment.claim(Segment.PID_A);
    private final int b = segment.claim(Segment.PID_B);
    private final long handleA = segment.register(a, VECTOR_A);

    @Actor
    public void sender(final III_Result r) {
        r.r1 = SendResult.isPosted(segment.uitt.sendIndex(UittHandle.index(handleA))) ? 1 : 0;
    }

    @Actor
    public void reregister() {
        segment.uitt.invalidate(handleA);
        segment.register(b, VECTOR_B);
    }

    @Arbiter
    public void after(final III_Result r) {
        r.r2 = segment.pending(b, VECTOR_A) == 1 ? 2 : segment.pending(b, VECTOR_B);
        r.r3 = segment.pending(a, VECTOR_A);
    }
}
