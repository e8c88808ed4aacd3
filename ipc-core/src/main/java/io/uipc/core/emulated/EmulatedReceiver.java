package io.uipc.core.emulated;

import io.uipc.core.CapacityExceededException;
import io.uipc.core.Dispatcher;
import io.uipc.core.Grant;
import io.uipc.core.Receiver;
import io.uipc.core.ReceiverClosedException;
import io.uipc.core.UittHandle;
import io.uipc.core.VectorHandler;
import io.uipc.core.Vectors;
import io.uipc.core.WaitPolicy;

import java.util.concurrent.TimeUnit;

import static io.uipc.core.emulated.UpidDescriptor.BLKD;

/**
 * A receiver of the emulated backend: one claimed UPID slot. {@link #await} implements the
 * blocking half of the protocol in docs/protocol.md: announce BLKD, re-check the PIR, then
 * sleep on the state word only if nothing is pending. Every step acts only on this receiver's
 * generation: once the slot is released (closed here, or reclaimed by another process), await
 * takes nothing, even if a newcomer has claimed the slot, and throws
 * {@link ReceiverClosedException}.
 *
 * <p>SN and the vector mask are this object's fields, not shared words: only the receiver
 * reads them (senders never do), and a late {@link #mask} of a closed receiver can then never
 * change a newcomer's. Suppression holds ON set in the UPID so that senders do not notify.
 *
 * <p>Registration, grants, ownership and close are guarded by this object's monitor: the
 * shared-UITT entries it registered ({@link OwnEntries}), its minted grants, and the thread
 * that owns it ({@link ThreadReceivers}).
 */
final class EmulatedReceiver implements Receiver {
    private static final int DEADLINE_CHECK_MASK = 0xFF;

    private final EmulatedDomain domain;
    private final UpidTable upids;
    private final UittTable uitt;
    private final int index;
    private final int generation;
    private final long stateAddress;
    private final FutexTimeout timeout = new FutexTimeout();
    private final VectorHandler[] handlers = new VectorHandler[Vectors.COUNT];
    private final OwnEntries ownEntries = new OwnEntries();
    private final MintedGrants grants = new MintedGrants();
    private Thread owner;
    private volatile WaitPolicy policy = WaitPolicy.SPIN_YIELD_BLOCK;
    private volatile boolean wakeupRequested;
    private final VectorMask mask = new VectorMask();
    private final Suppression sn = () -> this.suppressed;
    /** SN: while set, nothing is taken and the UPID's ON is held set. */
    private volatile boolean suppressed;
    /** Vectors taken so far, by the taking thread (its only writer), published tagged in the UPID. */
    private long delivered;
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
    public synchronized long registerVector(final int vector) {
        Vectors.check(vector);
        ensureOpen();
        final long handle = uitt.claim(index, generation, vector);
        if (handle < 0) {
            throw new CapacityExceededException("shared UITT of " + domain.path() + " is full: all "
                + uitt.capacity() + " entries are registered");
        }
        ownEntries.add(handle);
        return handle;
    }

    @Override
    public synchronized boolean unregisterVector(final long uittHandle) {
        if (ownEntries.remove(uittHandle)) {
            return uitt.invalidate(uittHandle);
        }
        final long target = uitt.validTarget(uittHandle);
        if (target != -1) {
            throw new IllegalArgumentException("UITT entry " + UittHandle.toString(uittHandle) + " belongs to receiver UPID "
                + (int) target + "@" + Integer.toUnsignedString((int) (target >>> 32)) + ", not to " + this);
        }
        return false;
    }

    @Override
    public synchronized Grant mintGrant(final int vector) {
        ensureOpen();
        grants.mint(vector);
        return new Grant(index, generation, vector);
    }

    @Override
    public synchronized boolean releaseGrant(final int vector) {
        return grants.release(vector);
    }

    @Override
    public void onVector(final int vector, final VectorHandler handler) {
        handlers[Vectors.check(vector)] = handler;
    }

    @Override
    public long poll() {
        final long taken = take();
        return taken != 0 ? taken : nothingTaken();
    }

    @Override
    public long await(final long timeout, final TimeUnit unit) {
        final long taken = awaitTaking(timeout, unit);
        return taken != 0 ? taken : nothingTaken();
    }

    /** The slow path of poll and await: 0, unless this receiver is gone. */
    private long nothingTaken() {
        if (!isOpen()) {
            throw new ReceiverClosedException(notRegistered());
        }
        return 0;
    }

    private long awaitTaking(final long timeout, final TimeUnit unit) {
        long taken = take();
        if (taken != 0 || timeout <= 0) {
            return taken;
        }
        final long timeoutNanos = unit.toNanos(timeout);
        final long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        final WaitPolicy p = policy;
        for (int i = 0; i < p.spins(); i++) {
            if (needsTake()) {
                taken = take();
                if (taken != 0) {
                    return taken;
                }
            }
            if (wakeupRequested || ((i & DEADLINE_CHECK_MASK) == 0
                && (System.nanoTime() - deadline >= 0 || UpidDescriptor.stateGeneration(upids.state(index)) != generation))) {
                return consumeWakeup();
            }
            Thread.onSpinWait();
        }
        for (int i = 0; i < p.yields(); i++) {
            if (needsTake()) {
                taken = take();
                if (taken != 0) {
                    return taken;
                }
            }
            Thread.yield();
        }
        return block(deadline);
    }

    /**
     * Notification processing, unless suppressed: takes the unmasked pending vectors (clearing
     * ON) and publishes the delivered count.
     */
    private long take() {
        final long taken = upids.take(index, generation, mask.unmasked(), sn);
        if (taken != 0) {
            delivered += Long.bitCount(taken);
            upids.publishDelivered(index, generation, delivered);
        }
        return taken;
    }

    /** Whether to take: not suppressed, and ON set in a PIR word or an unmasked vector pending. */
    private boolean needsTake() {
        return !suppressed && upids.needsTake(index, mask.unmasked());
    }

    /**
     * Sleeps until something is deliverable, {@link #wakeup()}, the deadline, or the slot is
     * no longer this receiver's. BLKD is announced by a CAS from the state word read, then the
     * PIR and SN are read again (a sender's PIR exchange then state read, or a resume's SN
     * store then state read, is the other half of each Dekker pair): either this thread sees
     * the send or the resume, or its author sees BLKD, clears it and wakes this thread; a
     * cleared BLKD also makes FUTEX_WAIT's compare fail if the wake comes first.
     */
    private long block(final long deadline) {
        for (;;) {
            if (wakeupRequested) {
                return consumeWakeup();
            }
            final int state = upids.state(index);
            if (UpidDescriptor.stateGeneration(state) != generation) {
                return 0; // released or reclaimed: nothing more will arrive
            }
            if (needsTake()) {
                final long taken = take();
                if (taken != 0) {
                    return taken;
                }
                continue;
            }
            if (!upids.casState(index, state, state | BLKD)) {
                continue;
            }
            if (needsTake() || wakeupRequested) {
                // look now rather than wait for a notification: the sender may stall or die first
                upids.clearBlocked(index, generation);
                continue;
            }
            final long timespec = timeout.until(deadline);
            if (timespec < 0) {
                upids.clearBlocked(index, generation);
                return take();
            }
            Futex.await(stateAddress, state | BLKD, timespec);
            upids.clearBlocked(index, generation);
            final long taken = take();
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
        return take();
    }

    @Override
    public int dispatch(final long vectors) {
        int handled = 0;
        long pending = vectors;
        while (pending != 0) {
            final int vector = Vectors.highest(pending);
            pending &= ~(1L << vector);
            final VectorHandler handler = handlers[vector];
            if (handler != null) {
                handler.onInterrupt(vector);
                handled++;
                // UIRR: what was posted while the handler ran competes for the next delivery
                pending |= take();
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
        mask.set(Vectors.check(vector), true);
    }

    @Override
    public void unmask(final int vector) {
        ensureOpen();
        mask.set(Vectors.check(vector), false);
        // the mask store, then the UPID: a take that read the old mask is followed by a look
        upids.selfNotify(index, generation);
    }

    @Override
    public void suppress() {
        ensureOpen();
        suppressed = true;
        upids.holdOn(index, generation);
    }

    @Override
    public void resume() {
        ensureOpen();
        suppressed = false;
        // SN's store, then the state read: a receiver asleep with ON held is woken
        upids.selfNotify(index, generation);
    }

    @Override
    public boolean isSuppressed() {
        return suppressed;
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
        final Dispatcher dispatcher = new Dispatcher(this, threadName);
        ownedBy(dispatcher.thread());
        return dispatcher;
    }

    /**
     * Records {@code thread} as this receiver's owner, in place of the previous one: the
     * registering thread, then a dispatcher that takes it over.
     */
    synchronized void ownedBy(final Thread thread) {
        if (!open) {
            return;
        }
        if (owner != null) {
            ThreadReceivers.remove(domain, owner, this);
        }
        owner = thread;
        ThreadReceivers.put(domain, thread, this);
    }

    /** Computed, not counted: vectors delivered plus vectors pending (each fresh post sets one bit). */
    @Override
    public long postedCount() {
        return deliveredCount() + Long.bitCount(upids.pending(index, generation));
    }

    @Override
    public long coalescedCount() {
        return upids.count(index, generation, UpidDescriptor.COALESCED_OFFSET);
    }

    @Override
    public long deliveredCount() {
        return upids.count(index, generation, UpidDescriptor.DELIVERED_OFFSET);
    }

    @Override
    public long wakeupCount() {
        return upids.count(index, generation, UpidDescriptor.WAKEUPS_OFFSET);
    }

    @Override
    public boolean isOpen() {
        return open && upids.isClaimedBy(index, generation);
    }

    private void ensureOpen() {
        if (!isOpen()) {
            throw new IllegalStateException(notRegistered());
        }
    }

    private String notRegistered() {
        return "receiver UPID " + index + "@" + Integer.toUnsignedString(generation) + " is not registered: "
            + (open ? "its slot was reclaimed (was this process declared dead?)" : "it was closed");
    }

    @Override
    public void close() {
        final String reclaimed;
        synchronized (this) {
            if (!open) {
                throw new IllegalStateException(notRegistered() + " already (the RFC's unregister without a handler)");
            }
            reclaimed = upids.isClaimedBy(index, generation) ? null : notRegistered();
            open = false;
            if (owner != null) {
                ThreadReceivers.remove(domain, owner, this);
            }
            ownEntries.invalidateAll(uitt);
            upids.release(index, generation);
        }
        if (reclaimed != null) {
            throw new IllegalStateException(reclaimed + "; closed all the same (the RFC's unregister without a handler)");
        }
    }

    @Override
    public String toString() {
        return "Receiver[upid " + index + "@" + Integer.toUnsignedString(generation) + " in " + domain.path() + "]";
    }
}
