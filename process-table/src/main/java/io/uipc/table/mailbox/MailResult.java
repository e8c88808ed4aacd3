package io.uipc.table.mailbox;

/**
 * Outcome codes of offering mail, as plain ints so the hot path allocates nothing.
 * Non-negative: the message is in the inbox. Negative: it is not (or, for
 * {@link #RECEIVER_GONE} after writing, nobody will read it), and why.
 */
public final class MailResult {
    /** In the inbox and the doorbell rung: the owner was waiting, or about to. */
    public static final int RANG = 1;
    /** In the inbox; no doorbell needed: the owner was not waiting on its inbox (it is draining, or busy elsewhere). */
    public static final int SENT = 0;
    /** Back-pressure: the inbox has no room now. Nothing was written; try again or wait. */
    public static final int FULL = -1;
    /** The owner closed the inbox, left the group or died: the message is not delivered. */
    public static final int RECEIVER_GONE = -2;

    private MailResult() {
    }

    /**
     * {@return whether the message is in the inbox}
     *
     * @param code a mail result
     */
    public static boolean isSent(final int code) {
        return code >= 0;
    }

    /**
     * {@return a short human-readable explanation}
     *
     * @param code a mail result
     */
    public static String describe(final int code) {
        switch (code) {
            case RANG: return "sent; the doorbell woke the owner";
            case SENT: return "sent; no doorbell needed (the owner was not waiting on its inbox)";
            case FULL: return "inbox full: nothing written, try again or offer with a timeout";
            case RECEIVER_GONE: return "receiver gone: the inbox was closed or its owner left or died";
            default: return "unknown mail result " + code;
        }
    }
}
