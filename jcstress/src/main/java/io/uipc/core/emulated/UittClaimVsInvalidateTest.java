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
 * UITT entry claim vs invalidateTargeting: the single entry was last used by receiver X, so its
 * target word still names X. Receiver Y registers into it while X is being closed
 * (invalidateTargeting(X)) and receiver Z registers right after. Exactly one of Y and Z ends
 * up with the entry, and a send through its handle reaches its own slot with its own vector.
 * ipc-core before the SPIN model freed Y's half-made (CLAIMING) entry because of the stale
 * target, so Z took it and Y's late writes redirected or killed Z's registration; a CAS on
 * Y's publish alone was not enough (Y's late target write still redirected Z's sends).
 * r1, r2 for Y, Z: 0 no handle, 1 the handle's send reaches its registrant, 2 the handle is
 * dead, 3 it reaches someone else.
 */
@JCStressTest
@Description("entry claim vs invalidateTargeting of its old target: one owner, sends reach it")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "Y claimed first; the invalidation left the CLAIMING entry alone; Z found none free")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "Z claimed first; Y found no free entry")
@Outcome(expect = FORBIDDEN, desc = "both hold the entry, a handle is dead, or a send reaches the wrong receiver")
@State
public class UittClaimVsInvalidateTest {
    private static final int VECTOR_X = 10;
    private static final int VECTOR_Y = 11;
    private static final int VECTOR_Z = 12;
    private final Segment segment = new Segment(3, 1);
    private final int x = segment.claim(Segment.PID_A);
    private final int y = segment.claim(Segment.PID_A);
    private final int z = segment.claim(Segment.PID_B);
    private long handleY = -1;
    private long handleZ = -1;

    public UittClaimVsInvalidateTest() {
        segment.uitt.invalidate(segment.register(x, VECTOR_X));
    }

    @Actor
    public void registerY() {
        handleY = segment.uitt.claim(y, segment.upids.generation(y), VECTOR_Y);
    }

    @Actor
    public void closeXThenRegisterZ() {
        segment.uitt.invalidateTargeting(x);
        handleZ = segment.uitt.claim(z, segment.upids.generation(z), VECTOR_Z);
    }

    @Arbiter
    public void after(final II_Result r) {
        r.r1 = reach(handleY, y, VECTOR_Y);
        r.r2 = reach(handleZ, z, VECTOR_Z);
    }

    private int reach(final long handle, final int slot, final int vector) {
        if (handle < 0) {
            return 0;
        }
        final long[] before = {segment.take(x), segment.take(y), segment.take(z)};
        if (before[0] != 0 || before[1] != 0 || before[2] != 0) {
            return 3;
        }
        segment.uitt.send(handle);
        final long own = segment.take(slot);
        final long all = segment.take(x) | segment.take(y) | segment.take(z);
        if (all != 0) {
            return 3;
        }
        return own == 1L << vector ? 1 : own == 0 ? 2 : 3;
    }
}
