package io.uipc.core.emulated;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.util.concurrent.TimeUnit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The mask is the receiver's own field and senders never read it. A masked vector is pending
 * (its post set ON once; the receiver's first take clears ON and leaves the bit) while the
 * receiver awaits forever and another thread unmasks it (EmulatedReceiver.unmask: the mask
 * store, then a self-notification: ON in PIR low, BLKD cleared and a wake). Whether the
 * receiver's take read the old mask or the new one, and whether it was spinning, announcing
 * BLKD or asleep, await returns the vector.
 */
@JCStressTest(Mode.Termination)
@Description("await with a masked vector pending vs unmask: the receiver always gets it")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await returned the vector once it was unmasked")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the unmasked vector stayed pending, the receiver asleep")
@State
public class MaskUnmaskTest {
    private static final int VECTOR = 44;
    private final Segment segment = new Segment(1, 1);
    private final int index = segment.claim(Segment.PID_A);
    private final EmulatedReceiver receiver = segment.receiver(index);

    public MaskUnmaskTest() {
        receiver.mask(VECTOR);
        segment.upids.post(index, receiver.upidGeneration(), VECTOR);
    }

    @Actor
    public void await() {
        while (receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS) != 1L << VECTOR) {
            Thread.onSpinWait();
        }
    }

    @Signal
    public void unmask() {
        receiver.unmask(VECTOR);
    }
}
