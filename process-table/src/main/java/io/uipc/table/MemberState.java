package io.uipc.table;

/**
 * The state of a process table entry, as snapshots report it ({@link MemberInfo#state()}). The
 * table stores it as a byte of the entry's control word ({@link MemberEntryDescriptor}); this
 * enum is parsed from that byte and printed by its {@link #label()}, which {@code uipc ps} shows.
 * The life cycle is in the package documentation.
 */
public enum MemberState {
    /** Unused. */
    FREE(MemberEntryDescriptor.FREE, "free"),
    /** Being filled by a joiner; not yet resolvable. */
    CLAIMING(MemberEntryDescriptor.CLAIMING, "claiming"),
    /** A live member, resolvable by name. */
    ACTIVE(MemberEntryDescriptor.ACTIVE, "active"),
    /** Leaving. */
    EXITING(MemberEntryDescriptor.EXITING, "exiting"),
    /** Found dead; the reaper is cleaning up after it. */
    DEAD(MemberEntryDescriptor.DEAD, "dead"),
    /** A state byte no version of uipc writes: the table was corrupted. */
    CORRUPT(-1, "corrupt");

    private static final MemberState[] BY_CODE = {FREE, CLAIMING, ACTIVE, EXITING, DEAD};

    private final int code;
    private final String label;

    MemberState(final int code, final String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * Parses a stored state byte.
     *
     * @param code the state byte of a control word
     * @return its state; {@link #CORRUPT} if no state has that code
     */
    public static MemberState of(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : CORRUPT;
    }

    /**
     * Formats a stored state byte, as {@code uipc ps} prints it.
     *
     * @param code the state byte of a control word
     * @return the state's label, or "corrupt(code)" if no state has that code
     */
    public static String describe(final int code) {
        final MemberState state = of(code);
        return state == CORRUPT ? CORRUPT.label + "(" + code + ")" : state.label;
    }

    /**
     * The stored form.
     *
     * @return the state byte the table stores for this state; -1 for {@link #CORRUPT}
     */
    public int code() {
        return code;
    }

    /**
     * The printed form.
     *
     * @return the lower-case name {@code uipc ps} shows
     */
    public String label() {
        return label;
    }
}
