package io.uipc.core;

/**
 * A sender's own UITT, as in the kernel RFC: private to one process, filled by registering
 * {@link Grant}s. Kept beside the shared UITT so the two models can be compared.
 * Not thread-safe for registering and unregistering; {@link #send(int)} may be called from any
 * thread.
 */
public interface PrivateUitt {
    /**
     * Registers a grant: claims a private entry for its target and vector. The grant is checked
     * here, as the RFC checks the fd: its UPID slot must be claimed with the grant's generation.
     *
     * @param grant a grant minted by a receiver
     * @return the private UITT index
     * @throws CapacityExceededException if the table is full
     * @throws IllegalArgumentException if the grant names a slot beyond the domain, a slot never
     *     claimed with its generation (forged or free: the RFC's EBADF), or a receiver that is
     *     gone (the RFC's ECONNRESET)
     * @throws IllegalStateException if this table has the grant registered already (the RFC's
     *     EISCONN); the message names the existing index
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
