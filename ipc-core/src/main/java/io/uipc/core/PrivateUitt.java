package io.uipc.core;

/**
 * A sender's own UITT, as in the kernel RFC: private to one process, filled by registering
 * {@link Grant}s. Kept beside the shared UITT so the two models can be compared.
 * Not thread-safe for registration; {@link #send(int)} may be called from any thread.
 */
public interface PrivateUitt {
    /**
     * Registers a grant: claims a private entry for its target and vector.
     *
     * @param grant a grant minted by a receiver
     * @return the private UITT index
     * @throws CapacityExceededException if the table is full
     */
    int register(Grant grant);

    /**
     * SENDUIPI on a private index.
     *
     * @param index private UITT index
     * @return a {@link SendResult} code
     */
    int send(int index);

    /**
     * Invalidates a private entry; later sends through it fail.
     *
     * @param index private UITT index to invalidate
     * @return whether a valid entry was invalidated
     */
    boolean unregister(int index);

    /**
     * Returns the number of entries.
     *
     * @return number of entries
     */
    int capacity();

    /**
     * Returns the bytes of memory the table occupies.
     *
     * @return bytes of memory the table occupies
     */
    long footprintBytes();
}
