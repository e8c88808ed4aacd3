package io.uipc.core.emulated;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One receiver per thread per domain, as a UINTR handler belongs to one thread and the RFC
 * refuses a second one (EBUSY). A domain here is one attachment ({@link EmulatedDomain}): a
 * second attachment of the same file stands for another process, as a test's may, and a file
 * deleted and created again under the same name is another domain. An entry whose receiver was
 * reclaimed without being closed is dropped when its thread next registers.
 */
final class ThreadReceivers {
    private static final Map<Owner, EmulatedReceiver> OWNED = new ConcurrentHashMap<>();

    private ThreadReceivers() {
    }

    /** A thread's place in a domain. */
    private record Owner(Thread thread, EmulatedDomain domain) {
    }

    /**
     * Checks that the calling thread has no open receiver in {@code domain}.
     *
     * @throws IllegalStateException if it has one (the RFC's EBUSY)
     */
    static void ensureNone(final EmulatedDomain domain) {
        final Owner key = new Owner(Thread.currentThread(), domain);
        final EmulatedReceiver existing = OWNED.get(key);
        if (existing == null) {
            return;
        }
        if (!existing.isOpen()) {
            OWNED.remove(key, existing);
            return;
        }
        throw new IllegalStateException("thread '" + key.thread().getName() + "' already has receiver UPID "
            + existing.upidIndex() + "@" + Integer.toUnsignedString(existing.upidGeneration()) + " open in " + domain.path()
            + ": one receiver per thread per domain (the RFC's EBUSY); close it or hand it to a Dispatcher first");
    }

    /** Records {@code thread} as the owner of {@code receiver} in {@code domain}. */
    static void put(final EmulatedDomain domain, final Thread thread, final EmulatedReceiver receiver) {
        OWNED.put(new Owner(thread, domain), receiver);
    }

    /** Forgets {@code thread}'s ownership of {@code receiver} in {@code domain}, if it is recorded. */
    static void remove(final EmulatedDomain domain, final Thread thread, final EmulatedReceiver receiver) {
        OWNED.remove(new Owner(thread, domain), receiver);
    }
}
