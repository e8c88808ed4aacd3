package io.uipc.core;

import java.util.concurrent.TimeUnit;

/**
 * A receiving endpoint: one UPID in an {@link InterruptDomain}, the emulation of one receiving
 * thread's user-interrupt state.
 *
 * <p>Taking interrupts ({@link #poll()}, {@link #await}, {@link #dispatch(long)}) belongs to one
 * thread at a time: the receiving thread, or the {@link Dispatcher} that owns this receiver.
 * Masking, suppression, {@link #wakeup()} and reading counters are safe from any thread.
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
     * @return whether the entry was valid and is now invalidated
     */
    boolean unregisterVector(long uittHandle);

    /**
     * The RFC's model: a grant for one vector, to hand to one sender's {@link PrivateUitt}.
     * At most one grant per vector, as the RFC's {@code uintr_create_fd} gives EBUSY for a second.
     *
     * @param vector the vector, 0..63
     * @return the grant
     * @throws IllegalStateException if a grant for that vector was already minted
     */
    Grant mintGrant(int vector);

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
     * moving PIR on notification. Returns 0 while notifications are suppressed, and once this
     * receiver is closed (its slot may already belong to a newcomer).
     *
     * @return bit {@code v} set for each vector {@code v} taken
     */
    long poll();

    /**
     * Blocks, per this receiver's {@link WaitPolicy}, until at least one unmasked vector is
     * pending, then takes them as {@link #poll()} does (uintr_wait).
     *
     * @param timeout maximum wait; 0 polls once
     * @param unit    unit of {@code timeout}
     * @return the vectors taken, or 0 on timeout, {@link #wakeup()} or when this receiver is
     *     closed (from any thread) or reclaimed
     */
    long await(long timeout, TimeUnit unit);

    /**
     * Runs the handlers of {@code vectors}, highest vector first.
     *
     * @param vectors vectors taken by {@link #poll()} or {@link #await}
     * @return the number of vectors that had a handler
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
     * Starts a dispatcher thread that awaits and runs handlers, highest vector first.
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

    /** Unregisters: invalidates every UITT entry pointing here and frees the UPID slot. */
    @Override
    void close();
}
