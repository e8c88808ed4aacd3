package io.uipc.core;

import java.util.concurrent.TimeUnit;

/**
 * A receiving endpoint: one UPID in an {@link InterruptDomain}, the emulation of one receiving
 * thread's user-interrupt state.
 *
 * <p>A receiver belongs to the thread that registered it, as a UINTR handler belongs to its
 * thread: a thread has at most one open receiver per domain (a second registration is refused,
 * the RFC's EBUSY), until it closes it or hands it to a {@link Dispatcher}
 * ({@link #startDispatcher}). Taking interrupts ({@link #poll()}, {@link #await},
 * {@link #dispatch(long)}) belongs to one thread at a time: the owning thread, or the dispatcher.
 * Masking, suppression, {@link #wakeup()}, registering vectors, grants and reading counters are
 * safe from any thread.
 */
public interface Receiver extends AutoCloseable {
    /**
     * Returns the UPID slot of this receiver.
     *
     * @return the UPID slot of this receiver
     */
    int upidIndex();

    /**
     * Returns the UPID generation of this receiver (odd while registered).
     *
     * @return the UPID generation of this receiver (odd while registered)
     */
    int upidGeneration();

    /**
     * Self-registration into the domain's shared UITT (Oracle's request: no file descriptor).
     *
     * @param vector the vector senders will post through the new entry, 0..63
     * @return the UITT handle; {@link UittHandle#index(long)} is the index to publish
     * @throws CapacityExceededException if the shared UITT is full
     */
    long registerVector(int vector);

    /**
     * Invalidates one of this receiver's UITT entries; later sends through it fail.
     *
     * @param uittHandle a handle returned by {@link #registerVector(int)}
     * @return whether the entry was valid and is now invalidated ({@code false} for a handle that
     *     is stale: unregistered already, or reclaimed)
     * @throws IllegalArgumentException if the handle names a valid entry of another receiver;
     *     nothing changes
     */
    boolean unregisterVector(long uittHandle);

    /**
     * The RFC's model: a grant for one vector, to hand to one sender's {@link PrivateUitt}.
     * At most one grant per vector at a time, as the RFC's {@code uintr_create_fd} gives EBUSY
     * for a second: {@link #releaseGrant(int)} frees the vector again.
     *
     * @param vector the vector, 0..63
     * @return the grant
     * @throws IllegalStateException if a grant for that vector is minted and not released, or
     *     this receiver is closed
     */
    Grant mintGrant(int vector);

    /**
     * Releases the grant of one vector (the RFC's close of the vector fd), so
     * {@link #mintGrant(int)} may mint it again. Senders that registered the grant keep their
     * entries and their sends still post, as in the RFC a sender's UITT entry holds the receiver;
     * they fail with {@link SendResult#RECEIVER_GONE} only once this receiver closes. Closing
     * the receiver releases every grant.
     *
     * @param vector the vector, 0..63
     * @return whether a grant of that vector was minted and is now released
     */
    boolean releaseGrant(int vector);

    /**
     * Sets the handler {@link #dispatch} runs for a vector.
     *
     * @param vector  the vector, 0..63
     * @param handler runs when the vector is dispatched; {@code null} removes the handler
     */
    void onVector(int vector, VectorHandler handler);

    /**
     * The thread-interrupt mode: when {@code vector} is dispatched, {@code target} is
     * interrupted, so a thread blocked in a blocking call wakes as from a signal.
     *
     * @param vector the vector, 0..63
     * @param target the thread to interrupt
     */
    default void interruptOn(final int vector, final Thread target) {
        onVector(vector, VectorHandler.interrupting(target));
    }

    /**
     * Non-blocking: atomically takes every pending unmasked vector (clearing ON), like the CPU
     * moving PIR on notification. Returns 0 while notifications are suppressed.
     *
     * @return bit {@code v} set for each vector {@code v} taken
     * @throws ReceiverClosedException if nothing was taken and this receiver is closed or its
     *     slot reclaimed (the slot may already belong to a newcomer)
     */
    long poll();

    /**
     * Blocks, per this receiver's {@link WaitPolicy}, until at least one unmasked vector is
     * pending, then takes them as {@link #poll()} does (uintr_wait).
     *
     * @param timeout maximum wait; 0 polls once
     * @param unit    unit of {@code timeout}
     * @return the vectors taken, or 0 on timeout or {@link #wakeup()}
     * @throws ReceiverClosedException if nothing was taken and this receiver is closed (from
     *     any thread, before or during the wait) or its slot reclaimed
     */
    long await(long timeout, TimeUnit unit);

    /**
     * Runs the handlers of {@code vectors} as the CPU delivers from its request register (UIRR):
     * the highest pending vector first, and after each handler returns, the highest vector
     * pending at that moment, including vectors posted while the handler ran (taken as
     * {@link #poll()} takes them). Call it on the thread that takes this receiver's interrupts.
     *
     * @param vectors vectors taken by {@link #poll()} or {@link #await}
     * @return the number of vectors run that had a handler
     */
    int dispatch(long vectors);

    /**
     * Sets how {@link #await} waits from now on.
     *
     * @param policy the wait policy
     */
    void waitPolicy(WaitPolicy policy);

    /**
     * Returns how {@link #await} waits.
     *
     * @return how {@link #await} waits
     */
    WaitPolicy waitPolicy();

    /**
     * Masks one vector: its sends stay pending, undelivered, until unmasked.
     *
     * @param vector the vector, 0..63
     */
    void mask(int vector);

    /**
     * Unmasks one vector; if it is pending, the receiver is notified.
     *
     * @param vector the vector, 0..63
     */
    void unmask(int vector);

    /** Sets SN (like CLUI): sends post but neither notify nor wake; nothing is delivered. */
    void suppress();

    /** Clears SN (like STUI); anything pending is delivered and a blocked receiver woken. */
    void resume();

    /**
     * Returns whether SN is set.
     *
     * @return whether SN is set
     */
    boolean isSuppressed();

    /** Makes a current or the next {@link #await} return, even with nothing pending. */
    void wakeup();

    /**
     * Starts a dispatcher thread that awaits and runs handlers as {@link #dispatch(long)} does.
     * The dispatcher takes this receiver over: from now on it belongs to the dispatcher's
     * thread, and the thread that owned it may register another receiver in the domain.
     *
     * @param threadName name of the dispatcher thread
     * @return the running dispatcher; closing it stops the thread
     */
    Dispatcher startDispatcher(String threadName);

    /**
     * Counts the sends that posted a vector to this receiver (not those that coalesced): the
     * vectors delivered plus those pending, exact whenever no send or take is in flight.
     *
     * @return sends that posted a vector to this receiver
     */
    long postedCount();

    /**
     * Counts the sends that coalesced with an already-pending vector.
     *
     * @return sends that coalesced with an already-pending vector
     */
    long coalescedCount();

    /**
     * Counts the vectors taken by this receiver.
     *
     * @return vectors taken by this receiver
     */
    long deliveredCount();

    /**
     * Counts the times a sender woke this receiver from a kernel sleep.
     *
     * @return times a sender woke this receiver from a kernel sleep
     */
    long wakeupCount();

    /**
     * Returns whether this receiver is still registered.
     *
     * @return whether this receiver is still registered
     */
    boolean isOpen();

    /**
     * Unregisters: invalidates this receiver's shared UITT entries, releases its grants and
     * frees the UPID slot. May be called from any thread.
     *
     * @throws IllegalStateException if this receiver is not registered: closed already, or its
     *     slot reclaimed (as the RFC's unregister without a handler); a reclaimed receiver is
     *     closed all the same
     */
    @Override
    void close();
}
