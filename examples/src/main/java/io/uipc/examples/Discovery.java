package io.uipc.examples;

import io.uipc.core.UipcException;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Finding a peer that may not have started yet: the examples' processes start in any order
 * under {@code uipc launch}, so each retries its first look-up (every 5 ms) until the peer has
 * joined and published what is needed, or the timeout passes.
 */
public final class Discovery {
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Discovery() {
    }

    /**
     * {@return the resolved target}
     *
     * @param group   the group
     * @param name    the peer's member name
     * @param vector  a vector it accepts
     * @param timeout longest wait
     */
    public static Target target(final ProcessGroup group, final String name, final int vector, final Duration timeout) {
        return retry(() -> group.resolve(name, vector), "member '" + name + "' accepting vector " + vector, timeout);
    }

    /**
     * {@return an outbox to the owner's inbox}
     *
     * @param sender  the sending member
     * @param owner   the inbox owner's name
     * @param timeout longest wait
     */
    public static Outbox outbox(final Member sender, final String owner, final Duration timeout) {
        return retry(() -> Outbox.connect(sender, owner), "the inbox of '" + owner + "'", timeout);
    }

    private static <T> T retry(final Supplier<T> attempt, final String what, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            try {
                return attempt.get();
            } catch (final UipcException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new UipcException("gave up waiting " + timeout.toMillis() + " ms for " + what + ": " + e.getMessage(), e);
                }
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
    }
}
