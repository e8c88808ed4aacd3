package io.uipc.core.emulated;

import io.uipc.core.SendResult;
import org.agrona.concurrent.AtomicBuffer;

import static io.uipc.core.emulated.UpidDescriptor.BLKD;
import static io.uipc.core.emulated.UpidDescriptor.COALESCED_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.DELIVERED_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.LENGTH;
import static io.uipc.core.emulated.UpidDescriptor.ON;
import static io.uipc.core.emulated.UpidDescriptor.OWNER_PID_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.PIR_HIGH_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.PIR_LOW_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.STATE_OFFSET;
import static io.uipc.core.emulated.UpidDescriptor.VECTOR_BITS;
import static io.uipc.core.emulated.UpidDescriptor.WAKEUPS_OFFSET;

/**
 * The UPID table in shared memory: slot claim and release, the sender's post (SENDUIPI's
 * steps 2 and 3) and the receiver's take (notification processing). A flyweight over the
 * table's view ({@link DomainHeaderDescriptor#upids}); slots are located by
 * {@link UpidDescriptor#offset}. The protocol is explained step by step in docs/protocol.md;
 * who writes each word, and how, in this package's documentation.
 *
 * <p>Every read-modify-write here is a compare-and-exchange that compares the whole word, its
 * generation included, so a step of a stale sender, receiver or releaser fails against a word
 * of another generation instead of changing it; the exchange's witness is the re-read.
 */
final class UpidTable {
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

    /** The UPID table of a validated (or freshly filled) domain segment. */
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

    /** The slot's generation: PIR low's, the word whose CAS claims and frees the slot. */
    int generation(final int index) {
        return UpidDescriptor.generation(buffer.getLongVolatile(offset(index) + PIR_LOW_OFFSET));
    }

    /**
     * @return the owner pid of a claimed slot, or 0 if the slot is free or its claim is not
     *     complete (the claimer writes the pid before the state word, so a state word of the
     *     current generation vouches for the pid)
     */
    int ownerPid(final int index) {
        final int off = offset(index);
        final int gen = generation(index);
        if (!UpidDescriptor.isClaimed(gen)
            || UpidDescriptor.stateGeneration(buffer.getIntVolatile(off + STATE_OFFSET)) != gen) {
            return 0;
        }
        final int pid = buffer.getIntVolatile(off + OWNER_PID_OFFSET);
        return generation(index) == gen ? pid : 0;
    }

    /** Whether the slot still belongs to {@code generation} (not released, not reused). */
    boolean isClaimedBy(final int index, final int generation) {
        return generation(index) == generation && UpidDescriptor.stateGeneration(state(index)) == generation;
    }

    /**
     * Claims a free slot: CAS PIR low from an even (free) generation to the next, odd one. That
     * CAS is the claim: two claimers never get one slot. Then PIR high, the counters (tagged
     * with the new generation, count 0) and the owner pid, and the state word last: a state
     * word of the current generation says the claim is complete and the pid is the owner's.
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
            final int newGen = UpidDescriptor.next(gen);
            if (!UpidDescriptor.isClaimed(gen)
                && buffer.compareAndSetLong(off + PIR_LOW_OFFSET, word, UpidDescriptor.pirWord(newGen))) {
                buffer.putLongVolatile(off + PIR_HIGH_OFFSET, UpidDescriptor.pirWord(newGen));
                buffer.putLong(off + DELIVERED_OFFSET, UpidDescriptor.counter(newGen, 0));
                buffer.putLong(off + COALESCED_OFFSET, UpidDescriptor.counter(newGen, 0));
                buffer.putLong(off + WAKEUPS_OFFSET, UpidDescriptor.counter(newGen, 0));
                buffer.putIntVolatile(off + OWNER_PID_OFFSET, ownerPid);
                buffer.putIntVolatile(off + STATE_OFFSET, UpidDescriptor.state(newGen));
                hint.putIntOrdered(hintOffset, index + 1);
                return index;
            }
        }
        return -1;
    }

    /**
     * Frees a slot if it still has {@code generation}. First the state word is retagged: from
     * then on the owner's await returns and a late wake-up's BLKD CAS fails, and a sleeper is
     * woken. Then PIR high and PIR low are retagged, dropping what was pending (and ON): from
     * then on posts and takes of {@code generation} fail; the slot is free, and claimable, once
     * PIR low is. Every step changes a word only while it still has {@code generation}, so a
     * release racing another release, or finishing one whose process died half-way, never
     * touches the words of a newcomer that claimed the slot. The counters keep their old tag:
     * readers ignore them until a claim resets them.
     *
     * @return whether this call freed the slot
     */
    boolean release(final int index, final int generation) {
        final int off = offset(index);
        if (UpidDescriptor.generation(buffer.getLongVolatile(off + PIR_LOW_OFFSET)) != generation) {
            return false;
        }
        final int freed = UpidDescriptor.state(UpidDescriptor.next(generation));
        int state = buffer.getIntVolatile(off + STATE_OFFSET);
        while (UpidDescriptor.stateGeneration(state) == generation) { // else retagged already: finish a release
            final int witness = buffer.compareAndExchangeInt(off + STATE_OFFSET, state, freed);
            if (witness == state) {
                break;
            }
            state = witness;
        }
        // Always, not only if BLKD was set: a stale sender may have cleared BLKD and not yet
        // woken the sleeper (its late FUTEX_WAKE(1) may go to a newcomer); the model's
        // MUT_RELEASE_WAKE_IF_BLKD. One futex call per close.
        Futex.wake(stateAddress(index), Integer.MAX_VALUE);
        retag(off + PIR_HIGH_OFFSET, generation);
        return retag(off + PIR_LOW_OFFSET, generation);
    }

    /** CASes a PIR word, while it has {@code generation}, to the next generation with no bits. */
    private boolean retag(final int word, final int generation) {
        final long freed = UpidDescriptor.pirWord(UpidDescriptor.next(generation));
        long pir = buffer.getLongVolatile(word);
        while (UpidDescriptor.generation(pir) == generation) {
            final long witness = buffer.compareAndExchangeLong(word, pir, freed);
            if (witness == pir) {
                return true;
            }
            pir = witness;
        }
        return false;
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
        final int next = UpidDescriptor.next(generation);
        if (UpidDescriptor.generation(buffer.getLongVolatile(off + PIR_LOW_OFFSET)) != generation
            || ownerPid(index) != 0) {
            return false;
        }
        buffer.putLongVolatile(off + PIR_HIGH_OFFSET, UpidDescriptor.pirWord(next));
        final int old = buffer.getAndSetInt(off + STATE_OFFSET, UpidDescriptor.state(next));
        if ((old & BLKD) != 0) {
            Futex.wake(stateAddress(index), Integer.MAX_VALUE);
        }
        final long low = buffer.getLongVolatile(off + PIR_LOW_OFFSET);
        return UpidDescriptor.generation(low) == generation
            && buffer.compareAndSetLong(off + PIR_LOW_OFFSET, low, UpidDescriptor.pirWord(next));
    }

    /**
     * SENDUIPI steps 2 and 3: one compare-and-exchange of the vector's PIR word checks the
     * generation, sets the vector's bit and sets ON. Its first guess is the word of an idle
     * receiver (no bits, ON clear), so a send to a receiver that took everything is a single
     * locked instruction with no read before it; a failed exchange returns the word, which is
     * checked again. The sender reads neither the mask nor SN. Then:
     * <ul>
     * <li>the bit was pending: the send coalesces (counted on the cold line), nothing written;
     * <li>ON was set already: the receiver will look at this word (or is suppressed, which holds
     *     ON), so nobody is notified;
     * <li>this send set ON: it reads the state word (after its locked exchange, so this read
     *     and the receiver's BLKD CAS then PIR read form a Dekker pair) and, if the receiver
     *     announced BLKD in this generation, clears BLKD and wakes it.
     * </ul>
     * ON is set only with a new bit, so a masked vector notifies the receiver at most once per
     * take, and a generation that is even (a free slot) is never posted into.
     */
    int post(final int index, final int generation, final int vector) {
        if (!UpidDescriptor.isClaimed(generation)) {
            return SendResult.RECEIVER_GONE;
        }
        final int off = offset(index);
        final int word = off + UpidDescriptor.pirOffset(vector);
        final long bit = UpidDescriptor.pirBit(vector);
        long pir = UpidDescriptor.pirWord(generation);
        for (;;) {
            if (UpidDescriptor.generation(pir) != generation) {
                return SendResult.RECEIVER_GONE;
            }
            if ((pir & bit) != 0) {
                increment(off + COALESCED_OFFSET, generation);
                return SendResult.COALESCED;
            }
            final long witness = buffer.compareAndExchangeLong(word, pir, pir | bit | ON);
            if (witness == pir) {
                break;
            }
            pir = witness;
        }
        if ((pir & ON) != 0) {
            return SendResult.POSTED;
        }
        if (clearBlocked(index, generation)) {
            increment(off + WAKEUPS_OFFSET, generation);
            Futex.wake(stateAddress(index), 1);
            return SendResult.WOKEN;
        }
        return SendResult.NOTIFIED;
    }

    /**
     * Clears BLKD in the state word while it has {@code generation} and BLKD set: a sender or
     * self-notification about to wake the receiver, or the receiver withdrawing its announcement.
     * A stale caller's CAS fails against a retagged state word.
     *
     * @return whether this call cleared BLKD (a sender or self-notification then wakes the receiver)
     */
    boolean clearBlocked(final int index, final int generation) {
        final int off = offset(index) + STATE_OFFSET;
        int state = buffer.getIntVolatile(off);
        while (UpidDescriptor.stateGeneration(state) == generation && (state & BLKD) != 0) {
            final int witness = buffer.compareAndExchangeInt(off, state, state & ~BLKD);
            if (witness == state) {
                return true;
            }
            state = witness;
        }
        return false;
    }

    /** CAS-increments a tagged counter of {@code generation}; drops the increment if it has another tag. */
    private void increment(final int counter, final int generation) {
        long value = buffer.getLongVolatile(counter);
        while (UpidDescriptor.generation(value) == generation) {
            final long witness = buffer.compareAndExchangeLong(counter, value, UpidDescriptor.incremented(value));
            if (witness == value) {
                return;
            }
            value = witness;
        }
    }

    /**
     * Notification processing: for each PIR word of {@code generation} with ON or an unmasked
     * vector pending, one CAS clears ON and takes those vectors (retried with the witness if a
     * sender changed the word meanwhile). ON and the bits go in the same atomic step: a sender
     * that found ON set posted its bit before this CAS, which takes it if it is unmasked.
     * Only in {@code generation}'s words: a receiver whose slot was released, and perhaps
     * reused, takes nothing. The caller (the receiver) counts what it took
     * ({@link #publishDelivered}). A receiver may be suppressed from another thread: each
     * word's CAS is preceded by a read of {@code sn} (a vector posted after suppress returned
     * is never taken), and a CAS that cleared ON is followed by another (if suppress came
     * meanwhile, ON is set again: a suppressed receiver holds it); the model's
     * MUT_TAKE_SN_ONCE and MUT_TAKE_NO_ON_RESTORE.
     *
     * @param unmasked the vectors the receiver accepts now: bit v for vector v
     * @param sn       the receiver's SN ({@link Suppression#NEVER} for tests and tools)
     * @return the vectors taken, bit v for vector v
     */
    long take(final int index, final int generation, final long unmasked, final Suppression sn) {
        final int off = offset(index);
        final long low = takeWord(off + PIR_LOW_OFFSET, generation, unmasked & VECTOR_BITS, sn);
        final long high = takeWord(off + PIR_HIGH_OFFSET, generation, unmasked >>> 32, sn);
        return low | (high << 32);
    }

    private long takeWord(final int word, final int generation, final long allowed, final Suppression sn) {
        long pir = buffer.getLongVolatile(word);
        for (;;) {
            final long bits = pir & allowed;
            if (UpidDescriptor.generation(pir) != generation || ((pir & ON) | bits) == 0 || sn.suppressed()) {
                return 0;
            }
            final long witness = buffer.compareAndExchangeLong(word, pir, pir & ~(ON | bits));
            if (witness == pir) {
                if ((pir & ON) != 0 && sn.suppressed()) {
                    setOn(word, generation);
                }
                return bits;
            }
            pir = witness;
        }
    }

    /**
     * Publishes the receiver's delivered count with an ordered store: the receiver is its only
     * writer and keeps the count itself, so no read-modify-write is needed. A receiver that took
     * in its last instant before a release publishes a word with its old tag, which readers of
     * a newcomer ignore; the newcomer's next publication replaces it.
     */
    void publishDelivered(final int index, final int generation, final long delivered) {
        buffer.putLongOrdered(offset(index) + DELIVERED_OFFSET, UpidDescriptor.counter(generation, delivered));
    }

    /**
     * Whether the receiver should take: ON in either PIR word, or one of the {@code unmasked}
     * vectors pending. No generation check: a take of a slot no longer the receiver's takes nothing.
     */
    boolean needsTake(final int index, final long unmasked) {
        final int off = offset(index);
        return ((buffer.getLongVolatile(off + PIR_LOW_OFFSET) & (ON | (unmasked & VECTOR_BITS)))
            | (buffer.getLongVolatile(off + PIR_HIGH_OFFSET) & (ON | (unmasked >>> 32)))) != 0;
    }

    /** The vectors pending in {@code generation}'s PIR words, masked or not. */
    long pending(final int index, final int generation) {
        final long low = buffer.getLongVolatile(offset(index) + PIR_LOW_OFFSET);
        final long high = buffer.getLongVolatile(offset(index) + PIR_HIGH_OFFSET);
        return (UpidDescriptor.generation(low) == generation ? low & VECTOR_BITS : 0)
            | (UpidDescriptor.generation(high) == generation ? (high & VECTOR_BITS) << 32 : 0);
    }

    int state(final int index) {
        return buffer.getIntVolatile(offset(index) + STATE_OFFSET);
    }

    /** The receiver announces BLKD: CAS from the state word it read. */
    boolean casState(final int index, final int expected, final int update) {
        return buffer.compareAndSetInt(offset(index) + STATE_OFFSET, expected, update);
    }

    /** Suppression holds ON: set in both PIR words, senders post but never notify, as SN makes SENDUIPI do. */
    void holdOn(final int index, final int generation) {
        final int off = offset(index);
        setOn(off + PIR_LOW_OFFSET, generation);
        setOn(off + PIR_HIGH_OFFSET, generation);
    }

    private void setOn(final int word, final int generation) {
        long pir = buffer.getLongVolatile(word);
        while (UpidDescriptor.generation(pir) == generation && (pir & ON) == 0) {
            final long witness = buffer.compareAndExchangeLong(word, pir, pir | ON);
            if (witness == pir) {
                return;
            }
            pir = witness;
        }
    }

    /**
     * The receiver notifies itself (after unmask, resume or wakeup): sets ON in PIR low if it
     * is clear, then, always, wakes the receiver if it announced BLKD: a suppressed receiver
     * may sleep with ON held, which no sender's notification would clear. Only in
     * {@code generation}'s words. The ON CAS before the state read pairs with the receiver's
     * BLKD CAS before its PIR read, as a sender's does.
     */
    void selfNotify(final int index, final int generation) {
        setOn(offset(index) + PIR_LOW_OFFSET, generation);
        if (clearBlocked(index, generation)) {
            Futex.wake(stateAddress(index), 1);
        }
    }

    /** A tagged counter's count ({@code field}: delivered, coalesced, wake-ups) if tagged with {@code generation}, else 0. */
    long count(final int index, final int generation, final int field) {
        return UpidDescriptor.count(buffer.getLongVolatile(offset(index) + field), generation);
    }
}
