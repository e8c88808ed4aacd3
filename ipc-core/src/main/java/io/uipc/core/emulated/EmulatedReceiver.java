package io.uipc.core.emulated;

import io.uipc.core.CapacityExceededException;
import io.uipc.core.Dispatcher;
import io.uipc.core.Grant;
import io.uipc.core.Receiver;
import io.uipc.core.VectorHandler;
import io.uipc.core.Vectors;
import io.uipc.core.WaitPolicy;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

import static io.uipc.core.emulated.UpidDescriptor.BLKD;
import static io.uipc.core.emulated.UpidDescriptor.ON;
import static io.uipc.core.emulated.UpidDescriptor.SN;

/**
 * A receiver of the emulated backend: one claimed UPID slot. {@link #await} implements the
 * blocking half of the protocol in docs/protocol.md: announce BLKD, re-check the PIR, then
 * sleep on the state word only if nothing is pending. Every step acts only on this receiver's
 * generation: once the slot is released (closed here, or reclaimed by another process), await
 * returns 0 and takes nothing, even if a newcomer has claimed the slot.
 */
final class EmulatedReceiver implements Receiver {
    private static final int DEADLINE_CHECK_MASK = 0xFF;

    private final EmulatedDomain domain;
    private final UpidTable upids;
    private final UittTable uitt;
    private final int index;
    private final int generation;
    private final long stateAddress;
    private final UnsafeBuffer timespec = new UnsafeBuffer(BufferUtil.allocateDirectAligned(16, 16));
    private final VectorHandler[] handlers = new VectorHandler[Vectors.COUNT];
    private long grantedVectors;
    private volatile WaitPolicy policy = WaitPolicy.SPIN_YIELD_BLOCK;
    private volatile boolean wakeupRequested;
    private volatile boolean open = true;

    EmulatedReceiver(final EmulatedDomain domain, final UpidTable upids, final UittTable uitt, final int index, final int generation) {
        this.domain = domain;
        this.upids = upids;
        this.uitt = uitt;
        this.index = index;
        this.generation = generation;
        this.stateAddress = upids.stateAddress(index);
    }

    @Override
    public int upidIndex() {
        return index;
    }

    @Override
    public int upidGeneration() {
        return generation;
    }

    @Override
    public long registerVector(final int vector) {
        Vectors.check(vector);
        ensureOpen();
        final long handle = uitt.claim(index, generation, vector);
        if (handle < 0) {
            throw new CapacityExceededException("shared UITT of " + domain.path() + " is full: all "
                + uitt.capacity() + " entries are registered");
        }
        return handle;
    }

    @Override
    public boolean unregisterVector(final long uittHandle) {
        return uitt.invalidate(uittHandle);
    }

    @Override
    public synchronized Grant mintGrant(final int vector) {
        Vectors.check(vector);
        ensureOpen();
        if ((grantedVectors & (1L << vector)) != 0) {
            throw new IllegalStateException("a grant for vector " + vector + " was already minted (the RFC's EBUSY)");
        }
        grantedVectors |= 1L << vector;
        return new Grant(index, generation, vector);
    }

    @Override
    public void onVector(final int vector, final VectorHandler handler) {
        handlers[Vectors.check(vector)] = handler;
    }

    @Override
    public long poll() {
        return upids.take(index, generation);
    }

    @Override
    public long await(final long timeout, final TimeUnit unit) {
        long taken = upids.take(index, generation);
        if (taken != 0 || timeout <= 0) {
            return taken;
        }
        final long timeoutNanos = unit.toNanos(timeout);
        final long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        final WaitPolicy p = policy;
        for (int i = 0; i < p.spins(); i++) {
            if (upids.hasDeliverable(index) || (upids.state(index) & ON) != 0) {
                taken = upids.take(index, generation);
                if (taken != 0) {
                    return taken;
                }
            }
            if (wakeupRequested || ((i & DEADLINE_CHECK_MASK) == 0
                && (System.nanoTime() - deadline >= 0 || !UpidDescriptor.hasTag(upids.state(index), generation)))) {
                return consumeWakeup();
            }
            Thread.onSpinWait();
        }
        for (int i = 0; i < p.yields(); i++) {
            if (upids.hasDeliverable(index)) {
                return upids.take(index, generation);
            }
            Thread.yield();
        }
        return block(deadline);
    }

    private long block(final long deadline) {
        for (;;) {
            if (wakeupRequested) {
                return consumeWakeup();
            }
            final int state = upids.state(index);
            if (!UpidDescriptor.hasTag(state, generation)) {
                return 0; // released or reclaimed: nothing more will arrive
            }
            if ((state & ON) != 0) {
                final long taken = upids.take(index, generation);
                if (taken != 0) {
                    return taken;
                }
                continue;
            }
            if (!upids.casState(index, state, state | BLKD)) {
                continue;
            }
            if (upids.hasDeliverable(index) || wakeupRequested) {
                // take now rather than wait for the sender's ON: it may stall or die first
                upids.clearFlag(index, generation, BLKD);
                final long taken = upids.take(index, generation);
                if (taken != 0) {
                    return taken;
                }
                continue;
            }
            final long timespecAddress;
            if (deadline == Long.MAX_VALUE) {
                timespecAddress = 0;
            } else {
                final long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    upids.clearFlag(index, generation, BLKD);
                    return upids.take(index, generation);
                }
                timespec.putLong(0, remaining / 1_000_000_000L);
                timespec.putLong(8, remaining % 1_000_000_000L);
                timespecAddress = timespec.addressOffset();
            }
            Futex.await(stateAddress, state | BLKD, timespecAddress);
            upids.clearFlag(index, generation, BLKD);
            final long taken = upids.take(index, generation);
            if (taken != 0) {
                return taken;
            }
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
                return 0;
            }
        }
    }

    private long consumeWakeup() {
        wakeupRequested = false;
        return upids.take(index, generation);
    }

    @Override
    public int dispatch(final long vectors) {
        int handled = 0;
        long remaining = vectors;
        while (remaining != 0) {
            final int vector = Vectors.highest(remaining);
            remaining &= ~(1L << vector);
            final VectorHandler handler = handlers[vector];
            if (handler != null) {
                handler.onInterrupt(vector);
                handled++;
            }
        }
        return handled;
    }

    @Override
    public void waitPolicy(final WaitPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    @Override
    public WaitPolicy waitPolicy() {
        return policy;
    }

    @Override
    public void mask(final int vector) {
        ensureOpen();
        upids.setMasked(index, Vectors.check(vector), true);
    }

    @Override
    public void unmask(final int vector) {
        ensureOpen();
        upids.setMasked(index, Vectors.check(vector), false);
        if (upids.hasDeliverable(index)) {
            upids.selfNotify(index, generation);
        }
    }

    @Override
    public void suppress() {
        ensureOpen();
        upids.setFlag(index, generation, SN);
    }

    @Override
    public void resume() {
        ensureOpen();
        upids.clearFlag(index, generation, SN);
        if (upids.hasDeliverable(index)) {
            upids.selfNotify(index, generation);
        }
    }

    @Override
    public boolean isSuppressed() {
        return (upids.state(index) & SN) != 0;
    }

    @Override
    public void wakeup() {
        wakeupRequested = true;
        if (open) {
            upids.selfNotify(index, generation);
        }
    }

    @Override
    public Dispatcher startDispatcher(final String threadName) {
        ensureOpen();
        return new Dispatcher(this, threadName);
    }

    @Override
    public long postedCount() {
        return upids.word(index, UpidDescriptor.POSTED_OFFSET);
    }

    @Override
    public long coalescedCount() {
        return upids.word(index, UpidDescriptor.COALESCED_OFFSET);
    }

    @Override
    public long deliveredCount() {
        return upids.word(index, UpidDescriptor.DELIVERED_OFFSET);
    }

    @Override
    public long wakeupCount() {
        return upids.word(index, UpidDescriptor.WAKEUPS_OFFSET);
    }

    @Override
    public boolean isOpen() {
        return open && upids.isClaimedBy(index, generation);
    }

    private void ensureOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("receiver UPID " + index + " is unregistered"
                + (open ? " (its slot was reclaimed: was this process declared dead?)" : ""));
        }
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            uitt.invalidateTargeting(index);
            upids.release(index, generation);
        }
    }

    @Override
    public String toString() {
        return "Receiver[upid " + index + "@" + Integer.toUnsignedString(generation) + " in " + domain.path() + "]";
    }
}
