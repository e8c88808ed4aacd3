package io.uipc.table.mailbox;

import java.time.Duration;

/**
 * How an inbox is sized and how long it tolerates a record that never completes.
 *
 * @param capacity         ring bytes, a power of two, {@value InboxDescriptor#MIN_CAPACITY} to 1 GiB
 * @param maxMessageLength largest message a sender may offer, at most capacity / 8 - 8
 * @param stallTimeout     how long a head record whose writer cannot be identified (it died
 *                         within the few instructions between claiming and writing its handle)
 *                         may stay incomplete before the owner skips it; a record whose writer
 *                         is known is skipped as soon as the reaper has reclaimed that writer
 */
public record InboxConfig(int capacity, int maxMessageLength, Duration stallTimeout) {
    /** Default ring: 256 KiB. */
    public static final int DEFAULT_CAPACITY = 256 * 1024;
    /** Default largest message: 4 KiB. */
    public static final int DEFAULT_MAX_MESSAGE = 4096;
    /** Default stall timeout for records of unidentified writers: 5 s. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Checks the fields.
     *
     * @param capacity         ring bytes, a power of two, {@value InboxDescriptor#MIN_CAPACITY} to 1 GiB
     * @param maxMessageLength largest message a sender may offer, at most capacity / 8 - 8
     * @param stallTimeout     how long a head record whose writer cannot be identified (it died
     *                         within the few instructions between claiming and writing its handle)
     *                         may stay incomplete before the owner skips it; a record whose writer
     *                         is known is skipped as soon as the reaper has reclaimed that writer
     */
    public InboxConfig {
        if (!InboxDescriptor.validCapacity(capacity)) {
            throw new IllegalArgumentException("inbox capacity " + capacity + " must be a power of two from "
                + InboxDescriptor.MIN_CAPACITY + " to " + InboxDescriptor.MAX_CAPACITY);
        }
        if (maxMessageLength < 1 || maxMessageLength > InboxDescriptor.ringMaxMessage(capacity)) {
            throw new IllegalArgumentException("inbox max message length " + maxMessageLength + " must be 1.."
                + InboxDescriptor.ringMaxMessage(capacity) + " (an eighth of capacity " + capacity + ", less the 8-byte sender handle)");
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stall timeout must be positive, not " + stallTimeout);
        }
    }

    /** {@return 256 KiB ring, 4 KiB messages, 5 s stall timeout} */
    public static InboxConfig defaults() {
        return new InboxConfig(DEFAULT_CAPACITY, DEFAULT_MAX_MESSAGE, DEFAULT_STALL_TIMEOUT);
    }

    /**
     * {@return this config with another capacity (max message length capped at an eighth of it)}
     *
     * @param ringBytes ring capacity
     */
    public InboxConfig withCapacity(final int ringBytes) {
        return new InboxConfig(ringBytes, Math.min(maxMessageLength, InboxDescriptor.ringMaxMessage(ringBytes)), stallTimeout);
    }

    /**
     * {@return this config with another maximum message length}
     *
     * @param bytes largest payload
     */
    public InboxConfig withMaxMessageLength(final int bytes) {
        return new InboxConfig(capacity, bytes, stallTimeout);
    }

    /**
     * {@return this config with another stall timeout}
     *
     * @param timeout stall timeout
     */
    public InboxConfig withStallTimeout(final Duration timeout) {
        return new InboxConfig(capacity, maxMessageLength, timeout);
    }
}
