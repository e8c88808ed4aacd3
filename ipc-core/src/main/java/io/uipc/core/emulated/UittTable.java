package io.uipc.core.emulated;

import io.uipc.core.SendResult;
import io.uipc.core.UittHandle;
import io.uipc.core.Vectors;
import org.agrona.concurrent.AtomicBuffer;

import static io.uipc.core.emulated.UittDescriptor.CLAIMING;
import static io.uipc.core.emulated.UittDescriptor.CONTROL_OFFSET;
import static io.uipc.core.emulated.UittDescriptor.FREE;
import static io.uipc.core.emulated.UittDescriptor.LENGTH;
import static io.uipc.core.emulated.UittDescriptor.TARGET_OFFSET;
import static io.uipc.core.emulated.UittDescriptor.VALID;

/**
 * A UITT over a buffer: the domain's shared table ({@link DomainHeaderDescriptor#uitt}) or a
 * sender's private one ({@link PrivateUittDescriptor#entries}); entries are located by
 * {@link UittDescriptor#offset}. Registration claims entries; {@link #send(long)} and
 * {@link #sendIndex(int)} are SENDUIPI's step 1 (validate the entry) before handing over to
 * {@link UpidTable#post}.
 */
final class UittTable {
    private final AtomicBuffer buffer;
    private final int capacity;
    private final AtomicBuffer hint;
    private final int hintOffset;
    private final UpidTable upids;

    /**
     * @param entries    the entries
     * @param hint       the buffer holding the claim hint
     * @param hintOffset the claim hint's offset in it
     * @param upids      the UPIDs the entries target
     */
    UittTable(final AtomicBuffer entries, final AtomicBuffer hint, final int hintOffset, final UpidTable upids) {
        this.buffer = entries;
        this.capacity = entries.capacity() / LENGTH;
        this.hint = hint;
        this.hintOffset = hintOffset;
        this.upids = upids;
    }

    /**
     * Returns the shared UITT of a validated (or freshly filled) domain segment.
     *
     * @return the shared UITT of a validated (or freshly filled) domain segment
     */
    static UittTable inDomain(final AtomicBuffer segment, final UpidTable upids) {
        return new UittTable(DomainHeaderDescriptor.uitt(segment), DomainHeaderDescriptor.header(segment),
            DomainHeaderDescriptor.UITT_HINT_OFFSET, upids);
    }

    /**
     * Returns a private UITT over a table from {@link PrivateUittDescriptor#allocate}.
     *
     * @return a private UITT over a table from {@link PrivateUittDescriptor#allocate}
     */
    static UittTable inPrivateTable(final AtomicBuffer table, final UpidTable upids) {
        return new UittTable(PrivateUittDescriptor.entries(table), PrivateUittDescriptor.header(table),
            PrivateUittDescriptor.HINT_OFFSET, upids);
    }

    int capacity() {
        return capacity;
    }

    private static int offset(final int index) {
        return UittDescriptor.offset(index);
    }

    /**
     * Claims an entry for a target the caller has validated: a receiver's own slot, or a grant
     * {@link EmulatedPrivateUitt} checked against the UPID table.
     *
     * @return the handle of a new VALID entry, or -1 if the table is full
     * @throws IllegalArgumentException if {@code upidGeneration} is a free (even) generation:
     *     no entry may target an unclaimed slot
     */
    long claim(final int upidIndex, final int upidGeneration, final int vector) {
        if (!UpidDescriptor.isClaimed(upidGeneration)) {
            throw new IllegalArgumentException("UITT target UPID " + upidIndex + "@" + Integer.toUnsignedString(upidGeneration)
                + " has a free (even) generation: only a claimed slot may be targeted");
        }
        final int start = Math.floorMod(hint.getIntVolatile(hintOffset), capacity);
        for (int i = 0; i < capacity; i++) {
            final int index = (start + i) % capacity;
            final int off = offset(index);
            final long control = buffer.getLongVolatile(off + CONTROL_OFFSET);
            if (UittDescriptor.state(control) != FREE) {
                continue;
            }
            final int gen = UittDescriptor.generation(control);
            final long claiming = UittDescriptor.control(gen, vector, CLAIMING);
            if (buffer.compareAndSetLong(off + CONTROL_OFFSET, control, claiming)) {
                buffer.putLongVolatile(off + TARGET_OFFSET, UittDescriptor.target(upidIndex, upidGeneration));
                // CAS, not a store: a sweep may have freed an entry it took for an orphan.
                if (buffer.compareAndSetLong(off + CONTROL_OFFSET, claiming, UittDescriptor.control(gen, vector, VALID))) {
                    hint.putIntOrdered(hintOffset, index + 1);
                    return UittHandle.of(index, gen);
                }
            }
        }
        return -1;
    }

    /** Invalidates the entry if it is still the one {@code handle} names. */
    boolean invalidate(final long handle) {
        final int index = UittHandle.index(handle);
        if (index < 0 || index >= capacity) {
            return false;
        }
        final int off = offset(index) + CONTROL_OFFSET;
        final long control = buffer.getLongVolatile(off);
        return UittDescriptor.state(control) == VALID
            && UittDescriptor.generation(control) == UittHandle.generation(handle)
            && buffer.compareAndSetLong(off, control, UittDescriptor.control(UittHandle.generation(handle) + 1, 0, FREE));
    }

    /**
     * Returns the target word of the entry {@code handle} names, if that entry is VALID at the
     * handle's generation.
     *
     * @return the target word, or -1 if the handle is out of range, stale or not valid
     */
    long validTarget(final long handle) {
        final int index = UittHandle.index(handle);
        if (index < 0 || index >= capacity) {
            return -1;
        }
        final int off = offset(index);
        final long control = buffer.getLongVolatile(off + CONTROL_OFFSET);
        final long target = buffer.getLongVolatile(off + TARGET_OFFSET);
        return UittDescriptor.state(control) == VALID && UittDescriptor.generation(control) == UittHandle.generation(handle)
            && buffer.getLongVolatile(off + CONTROL_OFFSET) == control ? target : -1;
    }

    /**
     * Invalidates every valid (or corrupt) entry that targets {@code upidIndex}: the reaper's
     * path for a dead receiver, whose own-entry record died with its process. O(capacity), off
     * the hot path; a receiver's own close invalidates only its entries ({@link OwnEntries}). Entries still CLAIMING
     * are left to their claimant: their target word may still be a previous registration's,
     * naming this slot while the claimant registers another receiver; freeing such an entry
     * let a second claimant take it while the first one's late target write redirected the
     * second one's sends (docs/protocol.md).
     *
     * @return entries invalidated
     */
    int invalidateTargeting(final int upidIndex) {
        int count = 0;
        for (int index = 0; index < capacity; index++) {
            final int off = offset(index);
            final long control = buffer.getLongVolatile(off + CONTROL_OFFSET);
            final int state = UittDescriptor.state(control);
            if (state != FREE && state != CLAIMING && (int) buffer.getLongVolatile(off + TARGET_OFFSET) == upidIndex
                && buffer.compareAndSetLong(off + CONTROL_OFFSET, control,
                    UittDescriptor.control(UittDescriptor.generation(control) + 1, 0, FREE))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Frees entries left CLAIMING by a registrar that died mid-registration: those whose target
     * is not a claimed UPID of the recorded generation. A live registrar whose entry is swept
     * notices when publishing VALID fails, and claims another.
     *
     * @return entries freed
     */
    int sweepOrphanedClaims() {
        int count = 0;
        for (int index = 0; index < capacity; index++) {
            final int off = offset(index);
            final long control = buffer.getLongVolatile(off + CONTROL_OFFSET);
            if (UittDescriptor.state(control) != CLAIMING) {
                continue;
            }
            final long target = buffer.getLongVolatile(off + TARGET_OFFSET);
            final int upidIndex = (int) target;
            final int upidGeneration = (int) (target >>> 32);
            final boolean live = upidIndex >= 0 && upidIndex < upids.capacity()
                && UpidDescriptor.isClaimed(upidGeneration) && upids.generation(upidIndex) == upidGeneration;
            if (!live && buffer.compareAndSetLong(off + CONTROL_OFFSET, control,
                UittDescriptor.control(UittDescriptor.generation(control) + 1, 0, FREE))) {
                count++;
            }
        }
        return count;
    }

    /** SENDUIPI through a handle: the entry must be valid and of the handle's generation. */
    int send(final long handle) {
        final int index = UittHandle.index(handle);
        if (index < 0 || index >= capacity) {
            return SendResult.INVALID_INDEX;
        }
        return sendAt(offset(index), UittHandle.generation(handle), true);
    }

    /** SENDUIPI by index alone. */
    int sendIndex(final int index) {
        if (index < 0 || index >= capacity) {
            return SendResult.INVALID_INDEX;
        }
        return sendAt(offset(index), 0, false);
    }

    private int sendAt(final int off, final int expectedGeneration, final boolean checkGeneration) {
        final long control = buffer.getLongVolatile(off + CONTROL_OFFSET);
        if (checkGeneration && UittDescriptor.generation(control) != expectedGeneration) {
            return SendResult.STALE_ENTRY;
        }
        if ((control & (UittDescriptor.STATE_MASK | UittDescriptor.RESERVED_MASK)) != VALID) {
            return fault(control);
        }
        final long target = buffer.getLongVolatile(off + TARGET_OFFSET);
        if (buffer.getLongVolatile(off + CONTROL_OFFSET) != control) {
            return SendResult.STALE_ENTRY;
        }
        final int vector = UittDescriptor.vector(control);
        final int upidIndex = (int) target;
        if (vector > Vectors.MAX || upidIndex < 0 || upidIndex >= upids.capacity()) {
            return SendResult.CORRUPT_ENTRY;
        }
        return upids.post(upidIndex, (int) (target >>> 32), vector);
    }

    /** SENDUIPI's fault on an entry that is not valid, or has reserved bits set (garbage). */
    private static int fault(final long control) {
        final int state = UittDescriptor.state(control);
        if ((control & UittDescriptor.RESERVED_MASK) == 0 && (state == FREE || state == CLAIMING)) {
            return SendResult.INVALID_ENTRY;
        }
        return SendResult.CORRUPT_ENTRY;
    }

    /**
     * Returns the raw control word of an entry, read volatile, for the concurrency tests.
     *
     * @return the raw control word of an entry, read volatile, for the concurrency tests
     */
    long control(final int index) {
        return buffer.getLongVolatile(offset(index) + CONTROL_OFFSET);
    }
}
