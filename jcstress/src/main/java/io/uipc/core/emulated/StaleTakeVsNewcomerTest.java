package io.uipc.core.emulated;

import io.uipc.core.ReceiverClosedException;
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
 * A receiver whose slot was released keeps polling (a dispatcher thread that outlived
 * close(), or a process declared dead) while a newcomer claims the slot and is sent a vector.
 * The stale receiver must take nothing (ipc-core before the SPIN model took the newcomer's
 * vectors). r1: the stale receiver's poll got the vector; r2: the newcomer's take got it.
 */
@JCStressTest
@Description("stale receiver's poll vs a newcomer in its slot: never takes the newcomer's vectors")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the vector reached the newcomer only")
@Outcome(expect = FORBIDDEN, desc = "the stale receiver took the newcomer's vector, or it was lost")
@State
public class StaleTakeVsNewcomerTest {
    private static final int VECTOR = 17;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver stale = segment.receiver(index);

    @Actor
    public void staleReceiver(final II_Result r) {
        r.r1 = Segment.has(staleTake(), VECTOR);
    }

    /** The stale receiver's poll: what it took, or nothing once it throws because its slot was released. */
    private long staleTake() {
        try {
            return stale.poll();
        } catch (final ReceiverClosedException released) {
            return 0;
        }
    }

    @Actor
    public void reclaimAndSend() {
        segment.upids.release(index, stale.upidGeneration());
        final int newcomer = segment.upids.generation(segment.claim(Segment.PID_B));
        segment.upids.post(index, newcomer, VECTOR);
    }

    @Arbiter
    public void after(final II_Result r) {
        r.r2 = Segment.has(segment.take(index), VECTOR);
    }
}
