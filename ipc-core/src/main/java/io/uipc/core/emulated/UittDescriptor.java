package io.uipc.core.emulated;

/**
 * Layout of one UITT entry, 16 bytes as in hardware; the shared UITT and private UITTs use it.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------+---------------+-------------------------------+
 *  |  State (8)    | Vector (8)    |  Reserved (16)                |  0  Control word
 *  +---------------+---------------+-------------------------------+
 *  |                 Entry Generation (32)                         |  4
 *  +---------------------------------------------------------------+
 *  |                 UPID Index (32)                               |  8  Target word
 *  +---------------------------------------------------------------+
 *  |                 UPID Generation (32)                          | 12
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>State is {@link #FREE}, {@link #CLAIMING} or {@link #VALID} (UINTR's V bit). The reserved
 * bits are zero in every entry uipc writes; a send through an entry with any of them set fails
 * as a corrupt entry, as SENDUIPI faults (#GP) on reserved bits. An entry is
 * claimed by CAS FREE to CLAIMING, the target word is written, then VALID is published with a
 * release store; unregistering CASes VALID to FREE and bumps the entry generation, so handles
 * issued before are stale. A sender reads control, target, then control again: if control
 * changed in between, the send fails as stale rather than using a torn entry.
 */
public final class UittDescriptor {
    /** Bytes per entry. */
    public static final int LENGTH = 16;
    /** Control word: state, vector, entry generation. */
    public static final int CONTROL_OFFSET = 0;
    /** Target word: UPID index and UPID generation. */
    public static final int TARGET_OFFSET = 8;

    /** State: entry unused. */
    public static final int FREE = 0;
    /** State: entry being filled by a registering receiver. */
    public static final int CLAIMING = 1;
    /** State: entry valid; sends go through. */
    public static final int VALID = 2;
    /** The state field of a control word. */
    public static final long STATE_MASK = 0xFF;
    /** The reserved bits of a control word: zero in every valid entry. */
    public static final long RESERVED_MASK = 0xFFFF_0000L;

    private UittDescriptor() {
    }

    /**
     * Locates an entry in a UITT: the shared one ({@link DomainHeaderDescriptor#uitt}) or a
     * private one ({@link PrivateUittDescriptor#entries}).
     *
     * @param index a UITT index
     * @return its offset in the table
     */
    public static int offset(final int index) {
        return index * LENGTH;
    }

    /**
     * Reads the state of a control word.
     *
     * @param control a control word
     * @return its state
     */
    public static int state(final long control) {
        return (int) (control & STATE_MASK);
    }

    /**
     * Reads the vector of a control word.
     *
     * @param control a control word
     * @return its vector field (not bounds-checked)
     */
    public static int vector(final long control) {
        return (int) ((control >>> 8) & 0xFF);
    }

    /**
     * Reads the entry generation of a control word.
     *
     * @param control a control word
     * @return its entry generation
     */
    public static int generation(final long control) {
        return (int) (control >>> 32);
    }

    /**
     * Packs a control word.
     *
     * @param generation entry generation
     * @param vector     vector
     * @param state      state
     * @return the control word
     */
    public static long control(final int generation, final int vector, final int state) {
        return ((long) generation << 32) | ((long) vector << 8) | state;
    }

    /**
     * Packs a target word.
     *
     * @param upidIndex      target UPID slot
     * @param upidGeneration its generation
     * @return the target word
     */
    public static long target(final int upidIndex, final int upidGeneration) {
        return ((long) upidGeneration << 32) | (upidIndex & 0xFFFF_FFFFL);
    }
}
