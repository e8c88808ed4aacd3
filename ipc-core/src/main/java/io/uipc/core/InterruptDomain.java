package io.uipc.core;

import java.nio.file.Path;

/**
 * A set of processes that can interrupt each other: one UPID table and ONE UITT shared by all
 * of them, in a file-backed shared-memory segment. Obtain one from a backend
 * ({@link Backends}); close it when done (closing does not delete the segment).
 *
 * <p>Send methods are thread-safe, allocation-free and never block. What a group's reaper does
 * for dead processes is not here but in {@link io.uipc.core.spi.DomainMaintenance}.
 */
public interface InterruptDomain extends AutoCloseable {
    /**
     * Names the domain's file.
     *
     * @return the backing file
     */
    Path path();

    /**
     * Reads the layout version of the domain's file, as its header records it (a domain of
     * another version is refused when attached, so this is the version this build reads).
     *
     * @return the layout version
     */
    int layoutVersion();

    /**
     * Names the backend.
     *
     * @return name of the backend that opened this domain
     */
    String backendName();

    /**
     * Counts the UPID slots.
     *
     * @return UPID slots (receivers) this domain holds
     */
    int upidCapacity();

    /**
     * Counts the shared UITT's entries.
     *
     * @return entries in the shared UITT
     */
    int uittCapacity();

    /**
     * Tells who created the segment.
     *
     * @return pid of the process that created the segment
     */
    long creatorPid();

    /**
     * Registers the calling thread as a receiver: claims a free UPID slot. The receiver belongs
     * to the calling thread until closed or handed to a {@link Dispatcher}.
     *
     * @return the receiver
     * @throws CapacityExceededException if every UPID slot is taken
     * @throws IllegalStateException if the calling thread already has an open receiver in this
     *     domain (the RFC's EBUSY)
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
     * Makes a private UITT, the kernel RFC's model, beside the shared one.
     *
     * @param capacity entries (the RFC uses 256)
     * @return a new private UITT for this process, over this domain's UPIDs
     */
    PrivateUitt newPrivateUitt(int capacity);

    /**
     * Reads a slot's delivery counter, for snapshots of other processes' receivers.
     *
     * @param upidIndex a UPID slot
     * @return vectors delivered to (taken by) the slot's current receiver
     * @throws IllegalArgumentException if {@code upidIndex} is not a slot of this domain
     */
    long deliveredCount(int upidIndex);

    /**
     * Reads a slot's coalesced-send counter, for snapshots of other processes' receivers.
     *
     * @param upidIndex a UPID slot
     * @return sends to the slot's current receiver that coalesced with an already-pending vector
     * @throws IllegalArgumentException if {@code upidIndex} is not a slot of this domain
     */
    long coalescedCount(int upidIndex);

    /**
     * Reads a slot's wake-up counter, for snapshots of other processes' receivers.
     *
     * @param upidIndex a UPID slot
     * @return kernel wake-ups senders made for the slot's current receiver
     * @throws IllegalArgumentException if {@code upidIndex} is not a slot of this domain
     */
    long wakeupCount(int upidIndex);

    /** Releases this process's view of the domain. Receivers opened through it must be closed first. */
    @Override
    void close();
}
