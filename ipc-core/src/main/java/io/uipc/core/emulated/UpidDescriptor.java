package io.uipc.core.emulated;

/**
 * Layout of one UPID (user posted-interrupt descriptor), one cache line per receiver.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |     PIR low: vectors 0..31 (bits 0..31)                       |  0
 *  |     Generation (bits 32..63)                                  |
 *  +---------------------------------------------------------------+
 *  |     PIR high: vectors 32..63 (bits 0..31)                     |  8
 *  |     Generation (bits 32..63)                                  |
 *  +---------------------------------------------------------------+
 *  | ON|SN|     |BLKD| Generation low 24 bits (bits 8..31)         | 16  State: the futex word
 *  +---------------------------------------------------------------+
 *  |     Owner PID (int32)                                         | 20
 *  +---------------------------------------------------------------+
 *  |     Mask: bit v set = vector v masked (int64)                 | 24
 *  +---------------------------------------------------------------+
 *  |     Posted count (int64, senders add)                         | 32
 *  +---------------------------------------------------------------+
 *  |     Coalesced count (int64, senders add)                      | 40
 *  +---------------------------------------------------------------+
 *  |     Delivered count (int64, receiver writes)                  | 48
 *  +---------------------------------------------------------------+
 *  |     Wake-up count (int64, senders add)                        | 56
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Why the PIR is split in two words each carrying the generation: a sender's
 * compare-and-swap that sets a PIR bit also checks, in the same atomic step, that the slot
 * still belongs to the receiver the sender resolved. A slot that was freed or reused has a
 * different generation, so a stale send can never post into a newcomer's PIR. The generation
 * is odd while the slot is claimed and even while it is free. The state word repeats its low
 * 24 bits so that a late notification cannot set ON in a newcomer's state either.
 *
 * <p>State bits follow UINTR: {@code ON} (bit 0) outstanding notification, {@code SN} (bit 1)
 * suppress notification, {@code BLKD} (bit 7, as in Intel's later kernel tree) receiver blocked
 * in the kernel: only then does a sender pay for a futex wake.
 */
public final class UpidDescriptor {
    /** Bytes per UPID: one cache line. */
    public static final int LENGTH = 64;
    /** PIR word for vectors 0..31 plus generation. */
    public static final int PIR_LOW_OFFSET = 0;
    /** PIR word for vectors 32..63 plus generation. */
    public static final int PIR_HIGH_OFFSET = 8;
    /** State (futex) word. */
    public static final int STATE_OFFSET = 16;
    /** Owner pid. */
    public static final int OWNER_PID_OFFSET = 20;
    /** Vector mask. */
    public static final int MASK_OFFSET = 24;
    /** Posted counter. */
    public static final int POSTED_OFFSET = 32;
    /** Coalesced counter. */
    public static final int COALESCED_OFFSET = 40;
    /** Delivered counter. */
    public static final int DELIVERED_OFFSET = 48;
    /** Wake-up counter. */
    public static final int WAKEUPS_OFFSET = 56;

    /** State bit: outstanding notification. */
    public static final int ON = 1;
    /** State bit: suppress notification. */
    public static final int SN = 1 << 1;
    /** State bit: receiver blocked in the kernel. */
    public static final int BLKD = 1 << 7;
    /** State bits that are flags; the rest is the generation tag. */
    public static final int FLAGS_MASK = 0xFF;

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
     * Tags a state word with a generation's low 24 bits.
     *
     * @param generation a UPID generation
     * @return the tag it has in the state word
     */
    public static int stateTag(final int generation) {
        return generation << 8;
    }

    /**
     * Tells whether a state word belongs to a generation.
     *
     * @param state      a state word
     * @param generation a UPID generation
     * @return whether the state word carries that generation's tag
     */
    public static boolean hasTag(final int state, final int generation) {
        return (state & ~FLAGS_MASK) == stateTag(generation);
    }

    /**
     * Reads the generation of a PIR word.
     *
     * @param pirWord a PIR word
     * @return the generation it carries
     */
    public static int generation(final long pirWord) {
        return (int) (pirWord >>> 32);
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
