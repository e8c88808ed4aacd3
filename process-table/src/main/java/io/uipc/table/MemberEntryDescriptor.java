package io.uipc.table;

/**
 * Layout of one process table entry: one registered endpoint (a process, or a thread of it),
 * 320 bytes (five cache lines).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------+-----------------------------------------------+
 *  |  State (8)    |  Reserved (24)                                |   0  Control word
 *  +---------------+-----------------------------------------------+
 *  |                 Generation: Oracle's SERIAL# (32)             |   4
 *  +---------------------------------------------------------------+
 *  |                 OS PID (int64)                                |   8
 *  +---------------------------------------------------------------+
 *  |                 Process start time, clock ticks (int64)       |  16
 *  +---------------------------------------------------------------+
 *  |                 Heartbeat, epoch ms (int64)                   |  24
 *  +---------------------------------------------------------------+
 *  |                 Join time, epoch ms (int64)                   |  32
 *  +---------------------------------------------------------------+
 *  |                 UPID index (int32)                            |  40
 *  +---------------------------------------------------------------+
 *  |                 UPID generation (int32)                       |  44
 *  +---------------------------------------------------------------+
 *  |                 Interrupts failed, at last heartbeat (int64)  |  48
 *  +---------------------------------------------------------------+
 *  |                 Interrupts sent, at last heartbeat (int64)    |  56
 *  +---------------------------------------------------------------+
 *  |                 Death-notice vector, -1 for none (int32)      |  64
 *  +---------------------------------------------------------------+
 *  |                 Name hash, String.hashCode (int32)            |  68
 *  +---------------------------------------------------------------+
 *  |                 Name length (int32)                           |  72
 *  +---------------------------------------------------------------+
 *  |                 Role length (int32)                           |  76
 *  +---------------------------------------------------------------+
 *  |                 Name, ASCII (64 bytes)                        |  80
 *  +---------------------------------------------------------------+
 *  |                 Role, ASCII (16 bytes)                        | 144
 *  +---------------------------------------------------------------+
 *  |                 UITT handles: 16 x int64                      | 160
 *  +---------------------------------------------------------------+
 *  |                 Vectors of those handles: 16 x int8           | 288
 *  +---------------------------------------------------------------+
 *  |                 Reserved to 320                               | 304
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Life cycle of the state: FREE, then CLAIMING (generation bumped: a new SERIAL#; the joiner
 * took the entry's liveness lock first) while the joiner fills the entry under the group's
 * mutation lock, ACTIVE once it is in the name index,
 * EXITING while it leaves, DEAD while the reaper cleans up after it, then FREE again.
 * A member handle is (slot, generation): it resolves only while the entry is ACTIVE with
 * that generation.
 */
public final class MemberEntryDescriptor {
    /** Entry length. */
    public static final int LENGTH = 320;
    /** Control word: state and generation. */
    public static final int CONTROL_OFFSET = 0;
    /** OS pid. */
    public static final int PID_OFFSET = 8;
    /** Process start time. */
    public static final int START_TIME_OFFSET = 16;
    /** Heartbeat. */
    public static final int HEARTBEAT_OFFSET = 24;
    /** Join time. */
    public static final int JOIN_TIME_OFFSET = 32;
    /** UPID index. */
    public static final int UPID_INDEX_OFFSET = 40;
    /** UPID generation. */
    public static final int UPID_GENERATION_OFFSET = 44;
    /** Failed-sends counter, published by the member's heartbeat. */
    public static final int FAILED_OFFSET = 48;
    /** Sent counter, published by the member's heartbeat. */
    public static final int SENT_OFFSET = 56;
    /** Death-notice vector. */
    public static final int DEATH_NOTICE_OFFSET = 64;
    /** Name hash. */
    public static final int NAME_HASH_OFFSET = 68;
    /** Name length. */
    public static final int NAME_LENGTH_OFFSET = 72;
    /** Role length. */
    public static final int ROLE_LENGTH_OFFSET = 76;
    /** Name bytes. */
    public static final int NAME_OFFSET = 80;
    /** Longest name. */
    public static final int MAX_NAME_LENGTH = 64;
    /** Role bytes. */
    public static final int ROLE_OFFSET = 144;
    /** Longest role. */
    public static final int MAX_ROLE_LENGTH = 16;
    /** UITT handles. */
    public static final int HANDLES_OFFSET = 160;
    /** Vectors of the handles. */
    public static final int HANDLE_VECTORS_OFFSET = 288;
    /** Published vectors per entry. */
    public static final int MAX_VECTORS = 16;

    /** State: unused. */
    public static final int FREE = 0;
    /** State: being filled by a joiner. */
    public static final int CLAIMING = 1;
    /** State: live member, resolvable by name. */
    public static final int ACTIVE = 2;
    /** State: leaving. */
    public static final int EXITING = 3;
    /** State: found dead, being cleaned up. */
    public static final int DEAD = 4;

    private MemberEntryDescriptor() {
    }

    /**
     * Locates an entry among the entries ({@link ProcessTableDescriptor#entries}).
     *
     * @param slot an entry slot
     * @return its offset among the entries
     */
    public static int offset(final int slot) {
        return slot * LENGTH;
    }

    /**
     * Reads the state of a control word.
     *
     * @param control a control word
     * @return its state
     */
    public static int state(final long control) {
        return (int) (control & 0xFF);
    }

    /**
     * Reads the generation of a control word.
     *
     * @param control a control word
     * @return its generation
     */
    public static int generation(final long control) {
        return (int) (control >>> 32);
    }

    /**
     * Packs a control word.
     *
     * @param generation generation
     * @param state      state
     * @return control word
     */
    public static long control(final int generation, final int state) {
        return ((long) generation << 32) | state;
    }
}
