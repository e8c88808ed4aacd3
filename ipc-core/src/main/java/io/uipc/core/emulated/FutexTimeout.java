package io.uipc.core.emulated;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The relative timeout FUTEX_WAIT takes (a {@code struct timespec} in native memory), computed
 * from a {@link System#nanoTime()} deadline. One per receiver, reused by every wait, so that
 * blocking allocates nothing.
 */
final class FutexTimeout {
    private final UnsafeBuffer timespec = new UnsafeBuffer(BufferUtil.allocateDirectAligned(16, 16));

    /**
     * Returns the timespec's address holding the time left until {@code deadline}: 0 (wait
     * forever) for {@link Long#MAX_VALUE}, -1 once the deadline has passed.
     */
    long until(final long deadline) {
        if (deadline == Long.MAX_VALUE) {
            return 0;
        }
        final long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return -1;
        }
        timespec.putLong(0, remaining / 1_000_000_000L);
        timespec.putLong(8, remaining % 1_000_000_000L);
        return timespec.addressOffset();
    }
}
