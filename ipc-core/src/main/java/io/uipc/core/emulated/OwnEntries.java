package io.uipc.core.emulated;

import org.agrona.collections.LongHashSet;

/**
 * The shared-UITT entries one receiver registered, by handle, so that its close invalidates
 * them in O(own entries) rather than scanning the whole UITT. Primitive longs, no boxing.
 * Guarded by the owning receiver's monitor.
 */
final class OwnEntries {
    private final LongHashSet handles = new LongHashSet();

    /** Records a handle this receiver registered. */
    void add(final long handle) {
        handles.add(handle);
    }

    /**
     * Forgets a handle.
     *
     * @return whether it was this receiver's
     */
    boolean remove(final long handle) {
        return handles.remove(handle);
    }

    /**
     * Invalidates every recorded entry still valid at its handle's generation, and forgets them.
     *
     * @return entries invalidated
     */
    int invalidateAll(final UittTable uitt) {
        int count = 0;
        final LongHashSet.LongIterator it = handles.iterator();
        while (it.hasNext()) {
            count += uitt.invalidate(it.nextValue()) ? 1 : 0;
        }
        handles.clear();
        return count;
    }
}
