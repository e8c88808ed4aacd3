package io.uipc.core;

import java.nio.file.Path;

/**
 * A set of processes that can interrupt each other: one UPID table and ONE UITT shared by all
 * of them, in a file-backed shared-memory segment. Obtain one from a backend
 * ({@link Backends}); close it when done (closing does not delete the segment).
 *
 * <p>Send methods are thread-safe, allocation-free and never block.
 */
public interface InterruptDomain extends AutoCloseable {
    /** {@return the backing file} */
    Path path();

    /** {@return name of the backend that opened this domain} */
    String backendName();

    /** {@return UPID slots (receivers) this domain holds} */
    int upidCapacity();

    /** {@return entries in the shared UITT} */
    int uittCapacity();

    /** {@return pid of the process that created the segment} */
    long creatorPid();

    /**
     * Registers the calling thread as a receiver: claims a free UPID slot.
     *
     * @return the receiver
     * @throws CapacityExceededException if every UPID slot is taken
     */
    Receiver registerReceiver();

    /**
     * SENDUIPI through the shared UITT, checking the entry's generation against the handle.
     *
     * @param uittHandle a handle from {@link Receiver#registerVector(int)}
     * @return a {@link SendResult} code
     */
    int send(long uittHandle);

    /**
     * SENDUIPI by bare index, exactly as the instruction: the entry must be valid; a vanished
     * receiver is still detected through the UPID generation the entry holds.
     *
     * @param uittIndex a shared UITT index
     * @return a {@link SendResult} code
     */
    int sendIndex(int uittIndex);

    /**
     * {@return a new private UITT for this process, over this domain's UPIDs}
     *
     * @param capacity entries (the RFC uses 256)
     */
    PrivateUitt newPrivateUitt(int capacity);

    /**
     * Frees a receiver's UPID slot and invalidates its UITT entries on behalf of a process that
     * died (the reaper's job). Does nothing if the slot's generation moved on.
     *
     * @param upidIndex      the slot
     * @param upidGeneration the generation it had when the owner was seen alive
     * @return whether the slot was reclaimed
     */
    boolean reclaimReceiver(int upidIndex, int upidGeneration);

    /**
     * Reclaims what processes that died without a process table entry left behind: UPID slots
     * whose recorded owner pid is not alive, UPID slots a process died in the middle of claiming
     * or releasing (claimed, no owner pid, unchanged since the previous sweep), and UITT entries
     * left half-registered. The reaper runs this after reclaiming dead members; callers
     * serialise sweeps (the process table runs them under its mutation lock).
     *
     * @param pidAlive tells whether a pid is alive
     * @return UPID slots and UITT entries reclaimed
     */
    int reclaimOrphans(java.util.function.LongPredicate pidAlive);

    /**
     * {@return the pid recorded by the slot's owner, or 0 if the slot is free}
     *
     * @param upidIndex a UPID slot
     */
    long upidOwnerPid(int upidIndex);

    /**
     * {@return vectors delivered to (taken by) the slot's current receiver}
     *
     * @param upidIndex a UPID slot
     */
    long deliveredCount(int upidIndex);

    /** Releases this process's view of the domain. Receivers opened through it must be closed first. */
    @Override
    void close();
}
