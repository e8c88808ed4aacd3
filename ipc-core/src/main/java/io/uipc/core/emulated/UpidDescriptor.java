package io.uipc.core.emulated;

/**
 * Layout of one UPID (user posted-interrupt descriptor): 128 bytes, two cache lines per
 * receiver, a hot one that every send and take touches and a cold one for senders' statistics.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+  line 0: hot
 *  |     PIR low: vectors 0..31 (bits 0..31)                       |  0
 *  |  ON (bit 32) | Generation, 31 bits (bits 33..63)              |
 *  +---------------------------------------------------------------+
 *  |     PIR high: vectors 32..63 (bits 0..31)                     |  8
 *  |  ON (bit 32) | Generation, 31 bits (bits 33..63)              |
 *  +-+-------------------------------------------------------------+
 *  |B| Generation, 31 bits (bits 1..31)    BLKD = bit 0            | 16  State: the futex word
 *  +-+-------------------------------------------------------------+
 *  |     Owner PID (int32)                                         | 20
 *  +---------------------------------------------------------------+
 *  |     Delivered: tagged counter, the receiver writes (int64)    | 24
 *  +---------------------------------------------------------------+
 *  |     Reserved, zero, to 64                                     | 32
 *  +---------------------------------------------------------------+  line 1: cold
 *  |     Coalesced: tagged counter, senders CAS (int64)            | 64
 *  +---------------------------------------------------------------+
 *  |     Wake-ups: tagged counter, senders CAS (int64)             | 72
 *  +---------------------------------------------------------------+
 *  |     Reserved, zero, to 128                                    | 80
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Why each PIR word carries ON and the whole generation: SENDUIPI posts a vector and sets
 * the outstanding-notification bit in one locked read-modify-write of the UPID. Java has no
 * 16-byte CAS, so the 64 vectors are split in two words of 32, and each word has room for its
 * own ON and a 31-bit generation: one compare-and-exchange then checks that the slot still
 * belongs to the receiver the sender resolved, sets the vector's bit and sets ON, all in one
 * atomic step, and the receiver takes the pending vectors and clears ON of a word in one too.
 * A send into a word whose ON is already set needs no notification: the receiver will look,
 * or is suppressed (suppression holds ON set). The generation is odd while the slot is claimed,
 * even while it is free; claim and release each add one, modulo 2^31, so a stale handle could
 * only pass the check after 2^30 reuses of one slot.
 *
 * <p>Why the state word holds only BLKD and the generation: it is the futex word a blocked
 * receiver sleeps on, and it changes only when the receiver announces BLKD, a sender or
 * self-notification clears it to wake the receiver, or a release retags it; the generation
 * keeps a late wake-up from clearing a newcomer's BLKD. SN and the vector mask are not in
 * shared memory: only the receiver reads them, so they are fields of the receiver.
 *
 * <p>Why the counters are tagged ({@link #counter}: generation in bits 33..63, a count modulo
 * 2^33 below): a reader reports a count only if its tag is the slot's current generation, and
 * a sender's increment is a CAS from a word of its own generation, so a stale sender's
 * increment fails against a newcomer's counter instead of landing in it. The delivered count is
 * written by the receiver alone; the posted count is not stored at all: it is the delivered
 * count plus the vectors pending, exact whenever no send or take is in flight. The senders'
 * counters sit on the second line so that the receiver never pays for them on its hot path.
 */
public final class UpidDescriptor {
    /** Bytes per UPID: two cache lines. */
    public static final int LENGTH = 128;
    /** PIR word for vectors 0..31, with ON and the generation. */
    public static final int PIR_LOW_OFFSET = 0;
    /** PIR word for vectors 32..63, with ON and the generation. */
    public static final int PIR_HIGH_OFFSET = 8;
    /** State (futex) word: BLKD and the generation. */
    public static final int STATE_OFFSET = 16;
    /** Owner pid. */
    public static final int OWNER_PID_OFFSET = 20;
    /** Delivered counter (tagged), written by the receiver. */
    public static final int DELIVERED_OFFSET = 24;
    /** Coalesced-send counter (tagged), on the cold line. */
    public static final int COALESCED_OFFSET = 64;
    /** Wake-up counter (tagged), on the cold line. */
    public static final int WAKEUPS_OFFSET = 72;

    /** PIR word bit: outstanding notification (UINTR's ON), one per PIR word. */
    public static final long ON = 1L << 32;
    /** PIR word bits that hold vectors. */
    public static final long VECTOR_BITS = 0xFFFF_FFFFL;
    /** State bit: receiver blocked in the kernel. */
    public static final int BLKD = 1;
    /** Generations are 31 bits: arithmetic modulo 2^31. */
    public static final int GENERATION_MASK = 0x7FFF_FFFF;
    /** Count bits of a tagged counter: counts wrap modulo 2^33. */
    public static final long COUNT_MASK = (1L << 33) - 1;

    private static final int WORD_GENERATION_SHIFT = 33;

    private UpidDescriptor() {
    }

    /**
     * Locates a slot in the UPID table ({@link DomainHeaderDescriptor#upids}).
     *
     * @param index a UPID slot
     * @return its offset in the table
     */
    public static int offset(final int index) {
        return index * LENGTH;
    }

    /**
     * Picks the PIR word that holds a vector.
     *
     * @param vector a vector, 0..63
     * @return {@link #PIR_LOW_OFFSET} for vectors 0..31, {@link #PIR_HIGH_OFFSET} for 32..63
     */
    public static int pirOffset(final int vector) {
        return vector < 32 ? PIR_LOW_OFFSET : PIR_HIGH_OFFSET;
    }

    /**
     * Gives a vector's bit in its PIR word.
     *
     * @param vector a vector, 0..63
     * @return its bit in the word {@link #pirOffset} names
     */
    public static long pirBit(final int vector) {
        return 1L << (vector & 31);
    }

    /**
     * Gives the generation after one claim or release.
     *
     * @param generation a UPID generation
     * @return the next one, modulo 2^31
     */
    public static int next(final int generation) {
        return (generation + 1) & GENERATION_MASK;
    }

    /**
     * Builds a PIR word with no vector pending and ON clear: what claim and release write, and
     * the word of an idle receiver.
     *
     * @param generation a UPID generation
     * @return the PIR word
     */
    public static long pirWord(final int generation) {
        return (long) generation << WORD_GENERATION_SHIFT;
    }

    /**
     * Reads the generation of a PIR word or of a tagged counter.
     *
     * @param word a PIR word or a tagged counter
     * @return the generation it carries
     */
    public static int generation(final long word) {
        return (int) (word >>> WORD_GENERATION_SHIFT);
    }

    /**
     * Builds a state word with BLKD clear.
     *
     * @param generation a UPID generation
     * @return the state word
     */
    public static int state(final int generation) {
        return generation << 1;
    }

    /**
     * Reads the generation of a state word.
     *
     * @param state a state word
     * @return the generation it carries
     */
    public static int stateGeneration(final int state) {
        return state >>> 1;
    }

    /**
     * Builds a tagged counter.
     *
     * @param generation the generation it counts for
     * @param count      the count, kept modulo 2^33
     * @return the counter word
     */
    public static long counter(final int generation, final long count) {
        return pirWord(generation) | (count & COUNT_MASK);
    }

    /**
     * Increments a tagged counter, keeping its tag.
     *
     * @param counter a tagged counter
     * @return the counter one higher, modulo 2^33
     */
    public static long incremented(final long counter) {
        return counter(generation(counter), counter + 1);
    }

    /**
     * Reads a tagged counter for a generation.
     *
     * @param counter    a tagged counter
     * @param generation the generation asked about
     * @return its count if it is tagged with {@code generation}, else 0
     */
    public static long count(final long counter, final int generation) {
        return generation(counter) == generation ? counter & COUNT_MASK : 0;
    }

    /**
     * Tells claimed generations (odd) from free ones (even).
     *
     * @param generation a UPID generation
     * @return whether a slot with it is claimed
     */
    public static boolean isClaimed(final int generation) {
        return (generation & 1) != 0;
    }
}
