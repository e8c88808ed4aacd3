package io.uipc.core;

/**
 * Outcome codes of a send, as plain ints so the hot path allocates nothing.
 * Non-negative codes mean the vector was posted in the receiver's PIR; negative codes mean it
 * was not, and say why (the faults SENDUIPI would raise, plus uipc's generation checks).
 */
public final class SendResult {
    /** Posted and the receiver was asleep: the sender woke it (futex wake). */
    public static final int WOKEN = 3;
    /** Posted and a notification sent (ON was clear): the receiver was running. */
    public static final int NOTIFIED = 2;
    /**
     * Posted; no notification needed: ON was already set (a notification is outstanding, or
     * the receiver is suppressed, which holds ON). A masked vector's fresh post notifies like any
     * other (the sender does not read the mask): at most once until the receiver next looks.
     */
    public static final int POSTED = 1;
    /** The vector was already pending: this send merged into the earlier one (UINTR coalescing). */
    public static final int COALESCED = 0;
    /** The UITT index is outside the table. */
    public static final int INVALID_INDEX = -1;
    /** The UITT entry is not valid (never registered, or unregistered). */
    public static final int INVALID_ENTRY = -2;
    /** The UITT entry was unregistered or reused since the handle was issued. */
    public static final int STALE_ENTRY = -3;
    /** The receiver the entry points to has unregistered or died; its UPID slot may be reused. */
    public static final int RECEIVER_GONE = -4;
    /**
     * The entry read from shared memory is garbage: reserved bits set (SENDUIPI's #GP), or a
     * vector or UPID index out of bounds.
     */
    public static final int CORRUPT_ENTRY = -5;

    private SendResult() {
    }

    /**
     * Tells successes from failures.
     *
     * @param code a send result
     * @return whether the vector was posted
     */
    public static boolean isPosted(final int code) {
        return code >= 0;
    }

    /**
     * Turns a failed send into an exception, for callers that prefer one.
     *
     * @param code a send result
     * @return {@code code} if it is a success
     * @throws SendFailedException if the send failed
     */
    public static int check(final int code) {
        if (code < 0) {
            throw new SendFailedException(code);
        }
        return code;
    }

    /**
     * Explains a code.
     *
     * @param code a send result
     * @return a short human-readable explanation
     */
    public static String describe(final int code) {
        switch (code) {
            case WOKEN: return "posted; the blocked receiver was woken";
            case NOTIFIED: return "posted; notification sent";
            case POSTED: return "posted; notification already outstanding or receiver suppressed";
            case COALESCED: return "coalesced with the same vector already pending";
            case INVALID_INDEX: return "invalid UITT index: outside the table";
            case INVALID_ENTRY: return "UITT entry is not valid (not registered)";
            case STALE_ENTRY: return "stale UITT entry: unregistered or reused since the handle was issued";
            case RECEIVER_GONE: return "receiver gone: it unregistered or died and its UPID slot may be reused";
            case CORRUPT_ENTRY: return "corrupt UITT entry: reserved bits set, or vector or UPID index out of bounds";
            default: return "unknown send result " + code;
        }
    }
}
