package io.uipc.launcher.demo;

/**
 * The vectors of the demo group (vector 0 is the launcher's shutdown):
 * <pre>
 *   1        COMMIT_ACK      lgwr -> fg-k      "your redo is written"
 *   2        COMMIT_REQUEST  shell -> fg-k     "commit a transaction now"
 *   3        CANCEL_REQUEST  shell -> fg-k     "cancel the session's running query"
 *   4        CANCEL          fg-k -> session   thread-interrupt mode: interrupts the blocked thread
 *   10 + k   COMMIT          fg-k -> lgwr      one vector per foreground, so lgwr knows whom to ack
 * </pre>
 */
public final class DemoVectors {
    /** lgwr to a foreground: its commit is durable. */
    public static final int COMMIT_ACK = 1;
    /** To a foreground: commit a transaction. */
    public static final int COMMIT_REQUEST = 2;
    /** To a foreground: cancel the session's query. */
    public static final int CANCEL_REQUEST = 3;
    /** To the session: cancel the running query (Thread.interrupt on its worker thread). */
    public static final int CANCEL = 4;
    /** Foregrounds lgwr serves: fg-1 .. fg-8. */
    public static final int MAX_FOREGROUNDS = 8;
    private static final int COMMIT_BASE = 10;

    private DemoVectors() {
    }

    /**
     * @param foreground k in fg-k, 1..{@value #MAX_FOREGROUNDS}
     * @return the vector fg-k posts lgwr with
     */
    public static int commitFrom(final int foreground) {
        if (foreground < 1 || foreground > MAX_FOREGROUNDS) {
            throw new IllegalArgumentException("foreground number " + foreground + " out of range 1.." + MAX_FOREGROUNDS);
        }
        return COMMIT_BASE + foreground - 1;
    }

    /**
     * @param vectors vectors taken by lgwr
     * @return bit k-1 set for each fg-k that committed
     */
    static long committers(final long vectors) {
        return (vectors >>> COMMIT_BASE) & ((1L << MAX_FOREGROUNDS) - 1);
    }

    /**
     * @param memberName a foreground's name, "fg-3" or "fg"
     * @return its number: the digits after the last '-', or 1
     */
    static int foregroundNumber(final String memberName) {
        final int dash = memberName.lastIndexOf('-');
        try {
            return dash < 0 ? 1 : Integer.parseInt(memberName.substring(dash + 1));
        } catch (final NumberFormatException e) {
            return 1;
        }
    }
}
