package io.uipc.core.emulated;

import io.uipc.core.SendResult;
import org.agrona.concurrent.AtomicBuffer;

import static io.uipc.core.emulated.UpidDescriptor.BLKD;
import static io.uipc.core.emulated.UpidDescriptor.COALESCED_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.DELIVERED_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.FLAGS_MASK;
import static io.uipc.core.emulated.UpidDescriptor.LENGTH;
import static io.uipc.core.emulated.UpidDescriptor.MASK_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.ON;
import static io.uipc.core.emulated.UpidDescriptor.OWNER_PID_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.PIR_HIGH_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.PIR_LOW_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.POSTED_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.SN;
import static io.uipc.core.emulated.UpidDescriptor.STATE_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.WAKEUPS_OFFSET;

/**
 * The UPID table in shared memory: slot claim and release, the sender's post (SENDUIPI's
 * steps 2 and 3) and the receiver's take. A flyweight over the table's view
 * ({@link DomainHeaderDescriptor#upids}); slots are located by {@link UpidDescriptor#offset}.
 * The protocol is explained step by step in docs/protocol.md; who writes each word, and how, in
 * this package's documentation.
 */
final class UpidTable {
    private static final long LOW_HALF = 0xFFFF_FFFFL;

    private final AtomicBuffer buffer;
    private final int capacity;
    private final AtomicBuffer hint;
    private final int hintOffset;

    /**
     * @param slots      the UPID slots
     * @param hint       the buffer holding the claim hint
     * @param hintOffset the claim hint's offset in it
     */
    UpidTable(final AtomicBuffer slots, final AtomicBuffer hint, final int hintOffset) {
        this.buffer = slots;
        this.capacity = slots.capacity() / LENGTH;
        this.hint = hint;
        this.hintOffset = hintOffset;
    }

    /**
     * Returns the UPID table of a validated (or freshly filled) domain segment.
     *
     * @return the UPID table of a validated (or freshly filled) domain segment
     */
    static UpidTable inDomain(final AtomicBuffer segment) {
        return new UpidTable(DomainHeaderDescriptor.upids(segment), DomainHeaderDescriptor.header(segment),
            DomainHeaderDescriptor.UPID_HINT_OFFSET);
    }

    int capacity() {
        return capacity;
    }

    /** @throws IllegalArgumentException if {@code index} is not a slot of this table */
    void checkIndex(final int index) {
        if (index < 0 || index >= capacity) {
            throw new IllegalArgumentException("UPID index " + index + " out of range 0.." + (capacity - 1));
        }
    }

    private static int offset(final int index) {
        return UpidDescriptor.offset(index);
    }

    long stateAddress(final int index) {
        return buffer.addressOffset() + offset(index) + STATE_OFFSET;
    }

    int generation(final int index) {
        return UpidDescriptor.generation(buffer.getLongVolatile(offset(index) + PIR_LOW_OFFSET));
    }

    /**
     * @return the owner pid of a claimed slot, or 0 if the slot is free or its claim is not
     *     complete (the claimer writes the pid before the state tag, so a tag of the current
     *     generation vouches for the pid)
     */
    int ownerPid(final int index) {
        final int off = offset(index);
        final int gen = generation(index);
        if (!UpidDescriptor.isClaimed(gen) || !UpidDescriptor.hasTag(buffer.getIntVolatile(off + STATE_OFFSET), gen)) {
            return 0;
        }
        final int pid = buffer.getIntVolatile(off + OWNER_PID_OFFSET);
        return generation(index) == gen ? pid : 0;
    }

    /**
     * Returns whether the slot still belongs to {@code generation} (not released, not reused).
     *
     * @return whether the slot still belongs to {@code generation} (not released, not reused)
     */
    boolean isClaimedBy(final int index, final int generation) {
        return generation(index) == generation && UpidDescriptor.hasTag(state(index), generation);
    }

    /**
     * Claims a free slot: CAS its generation from even (free) to odd (claimed).
     *
     * @return the slot index, or -1 if every slot is claimed
     */
    int claim(final int ownerPid) {
        final int start = Math.floorMod(hint.getIntVolatile(hintOffset), capacity);
        for (int i = 0; i < capacity; i++) {
            final int index = (start + i) % capacity;
            final int off = offset(index);
            final long word = buffer.getLongVolatile(off + PIR_LOW_OFFSET);
            final int gen = UpidDescriptor.generation(word);
            if (!UpidDescriptor.isClaimed(gen)
                && buffer.compareAndSetLong(off + PIR_LOW_OFFSET, word, (long) (gen + 1) << 32)) {
                final int newGen = gen + 1;
                buffer.putLongVolatile(off + PIR_HIGH_OFFSET, (long) newGen << 32);
                buffer.putLong(off + MASK_OFFSET, 0);
                buffer.putLong(off + POSTED_OFFSET, 0);
                buffer.putLong(off + COALESCED_OFFSET, 0);
                buffer.putLong(off + DELIVERED_OFFSET, 0);
                buffer.putLong(off + WAKEUPS_OFFSET, 0);
                buffer.putIntVolatile(off + OWNER_PID_OFFSET, ownerPid);
                buffer.putIntVolatile(off + STATE_OFFSET, UpidDescriptor.stateTag(newGen));
                hint.putIntOrdered(hintOffset, index + 1);
                return index;
            }
        }
        return -1;
    }

    /**
     * Frees a slot if it still has {@code generation}. First the state word is retagged: from
     * then on the owner's await returns, its take and late notifications fail their tag check,
     * and a sleeper is woken. Then PIR high and PIR low are retagged, dropping what was pending;
     * the slot is free, and claimable, once PIR low is. Every step changes a word only while it
     * still has {@code generation}, so a release racing another release, or finishing one whose
     * process died half-way, never touches the words of a newcomer that claimed the slot.
     *
     * @return whether this call freed the slot
     */
    boolean release(final int index, final int generation) {
        final int off = offset(index);
        if (UpidDescriptor.generation(buffer.getLongVolatile(off + PIR_LOW_OFFSET)) != generation) {
            return false;
        }
        for (;;) {
            final int state = buffer.getIntVolatile(off + STATE_OFFSET);
            if (!UpidDescriptor.hasTag(state, generation)) {
                break; // retagged already: finish a release that stopped half-way
            }
            if (buffer.compareAndSetInt(off + STATE_OFFSET, state, UpidDescriptor.stateTag(generation + 1))) {
                if ((state & BLKD) != 0) {
                    Futex.wake(stateAddress(index), Integer.MAX_VALUE);
                }
                break;
            }
        }
        retag(off + PIR_HIGH_OFFSET, generation);
        return retag(off + PIR_LOW_OFFSET, generation);
    }

    /** CASes a PIR word, while it has {@code generation}, to the next generation with no bits. */
    private boolean retag(final int word, final int generation) {
        for (;;) {
            final long pir = buffer.getLongVolatile(word);
            if (UpidDescriptor.generation(pir) != generation) {
                return false;
            }
            if (buffer.compareAndSetLong(word, pir, (long) (generation + 1) << 32)) {
                return true;
            }
        }
    }

    /**
     * Frees a slot whose claimer or releaser died part-way, leaving PIR-low claimed with
     * {@code generation} and no owner pid (PIR-high and the state word may be either side of the
     * step it died at). Only for slots no live process is changing, found by an orphan sweep;
     * sweeps are serialised, and no claimer can take the slot until the final CAS frees PIR-low.
     *
     * @return whether this call freed it
     */
    boolean releaseStuck(final int index, final int generation) {
        final int off = offset(index);
        final long freed = (long) (generation + 1) << 32;
        if (UpidDescriptor.generation(buffer.getLongVolatile(off + PIR_LOW_OFFSET)) != generation
            || ownerPid(index) != 0) {
            return false;
        }
        buffer.putLongVolatile(off + PIR_HIGH_OFFSET, freed);
        final int old = buffer.getAndSetInt(off + STATE_OFFSET, UpidDescriptor.stateTag(generation + 1));
        if ((old & BLKD) != 0) {
            Futex.wake(stateAddress(index), Integer.MAX_VALUE);
        }
        final long low = buffer.getLongVolatile(off + PIR_LOW_OFFSET);
        return UpidDescriptor.generation(low) == generation && buffer.compareAndSetLong(off + PIR_LOW_OFFSET, low, freed);
    }

    /**
     * SENDUIPI steps 2 and 3: atomically set the PIR bit, checking the generation in the same
     * CAS; then, only if ON and SN are clear (and the vector is unmasked), set ON, and wake the
     * receiver only if it said it sleeps.
     */
    int post(final int index, final int generation, final int vector) {
        final int off = offset(index);
        final int word = off + UpidDescriptor.pirOffset(vector);
        final long bit = 1L << (vector & 31);
        long pir;
        boolean already;
        do {
            pir = buffer.getLongVolatile(word);
            if (UpidDescriptor.generation(pir) != generation) {
                return SendResult.RECEIVER_GONE;
            }
            already = (pir & bit) != 0;
        } while (!already && !buffer.compareAndSetLong(word, pir, pir | bit));
        buffer.getAndAddLong(off + (already ? COALESCED_OFFSET : POSTED_OFFSET), 1);
        final int quiet = already ? SendResult.COALESCED : SendResult.POSTED;
        if ((buffer.getLongVolatile(off + MASK_OFFSET) & (1L << vector)) != 0) {
            return quiet;
        }
        return notify(index, UpidDescriptor.stateTag(generation), quiet);
    }

    /** Sets ON if ON and SN are clear and the slot still has {@code tag}; wakes a sleeper. */
    private int notify(final int index, final int tag, final int quiet) {
        final int off = offset(index) + STATE_OFFSET;
        for (;;) {
            final int state = buffer.getIntVolatile(off);
            if ((state & ~FLAGS_MASK) != tag || (state & (ON | SN)) != 0) {
                return quiet;
            }
            if (buffer.compareAndSetInt(off, state, state | ON)) {
                if ((state & BLKD) != 0) {
                    buffer.getAndAddLong(offset(index) + WAKEUPS_OFFSET, 1);
                    Futex.wake(stateAddress(index), 1);
                    return SendResult.WOKEN;
                }
                return SendResult.NOTIFIED;
            }
        }
    }

    /**
     * Receiver side: clears ON, then (unless SN is set) atomically takes every unmasked pending
     * vector. Clearing ON first means a sender that saw ON set has already posted its bit.
     * Only in {@code generation}'s words: a receiver whose slot was released, and perhaps
     * reused, takes nothing.
     */
    long take(final int index, final int generation) {
        final int off = offset(index);
        int state = buffer.getIntVolatile(off + STATE_OFFSET);
        while (UpidDescriptor.hasTag(state, generation) && (state & ON) != 0
            && !buffer.compareAndSetInt(off + STATE_OFFSET, state, state & ~ON)) {
            state = buffer.getIntVolatile(off + STATE_OFFSET);
        }
        if (!UpidDescriptor.hasTag(state, generation) || (state & SN) != 0) {
            return 0;
        }
        final long unmasked = ~buffer.getLongVolatile(off + MASK_OFFSET);
        final long low = takeBits(off + PIR_LOW_OFFSET, generation, unmasked & LOW_HALF);
        final long high = takeBits(off + PIR_HIGH_OFFSET, generation, unmasked >>> 32);
        final long taken = low | (high << 32);
        if (taken != 0) {
            buffer.putLongOrdered(off + DELIVERED_OFFSET,
                buffer.getLong(off + DELIVERED_OFFSET) + Long.bitCount(taken));
        }
        return taken;
    }

    private long takeBits(final int word, final int generation, final long allowed) {
        for (;;) {
            final long pir = buffer.getLongVolatile(word);
            final long bits = pir & allowed;
            if (bits == 0 || UpidDescriptor.generation(pir) != generation) {
                return 0;
            }
            if (buffer.compareAndSetLong(word, pir, pir & ~bits)) {
                return bits;
            }
        }
    }

    /**
     * Returns whether an unmasked vector is pending and SN is clear.
     *
     * @return whether an unmasked vector is pending and SN is clear
     */
    boolean hasDeliverable(final int index) {
        final int off = offset(index);
        if ((buffer.getIntVolatile(off + STATE_OFFSET) & SN) != 0) {
            return false;
        }
        final long unmasked = ~buffer.getLongVolatile(off + MASK_OFFSET);
        return ((buffer.getLongVolatile(off + PIR_LOW_OFFSET) & unmasked & LOW_HALF)
            | (buffer.getLongVolatile(off + PIR_HIGH_OFFSET) & (unmasked >>> 32) & LOW_HALF)) != 0;
    }

    int state(final int index) {
        return buffer.getIntVolatile(offset(index) + STATE_OFFSET);
    }

    boolean casState(final int index, final int expected, final int update) {
        return buffer.compareAndSetInt(offset(index) + STATE_OFFSET, expected, update);
    }

    /** Clears {@code flag} in the state word, while it has {@code generation}'s tag. */
    void clearFlag(final int index, final int generation, final int flag) {
        final int off = offset(index) + STATE_OFFSET;
        int state;
        do {
            state = buffer.getIntVolatile(off);
        } while (UpidDescriptor.hasTag(state, generation) && (state & flag) != 0
            && !buffer.compareAndSetInt(off, state, state & ~flag));
    }

    /** Sets {@code flag} in the state word, while it has {@code generation}'s tag. */
    void setFlag(final int index, final int generation, final int flag) {
        final int off = offset(index) + STATE_OFFSET;
        int state;
        do {
            state = buffer.getIntVolatile(off);
        } while (UpidDescriptor.hasTag(state, generation) && (state & flag) == 0
            && !buffer.compareAndSetInt(off, state, state | flag));
    }

    /**
     * The receiver notifies itself (after unmask, resume or wakeup): set ON, wake a sleeper;
     * only in {@code generation}'s state word.
     */
    void selfNotify(final int index, final int generation) {
        final int off = offset(index) + STATE_OFFSET;
        for (;;) {
            final int state = buffer.getIntVolatile(off);
            if (!UpidDescriptor.hasTag(state, generation) || (state & ON) != 0) {
                return;
            }
            if (buffer.compareAndSetInt(off, state, state | ON)) {
                if ((state & BLKD) != 0) {
                    Futex.wake(stateAddress(index), 1);
                }
                return;
            }
        }
    }

    /** Sets ({@code masked}) or clears one mask bit. */
    void setMasked(final int index, final int vector, final boolean masked) {
        final int off = offset(index) + MASK_OFFSET;
        final long bit = 1L << vector;
        long mask;
        do {
            mask = buffer.getLongVolatile(off);
        } while (!buffer.compareAndSetLong(off, mask, masked ? mask | bit : mask & ~bit));
    }

    /**
     * A 64-bit word of a slot, read volatile: its counters for statistics, its PIR words for
     * the concurrency tests.
     */
    long word(final int index, final int field) {
        return buffer.getLongVolatile(offset(index) + field);
    }
}
