package io.uipc.launcher;

/**
 * What a member JVM's exit code means to the launcher. A JVM killed by signal N exits with
 * 128 + N, so the launcher's own SIGTERM and SIGKILL show up as {@link #SIGTERMED} and
 * {@link #SIGKILLED}; reports name the signal so a reader need not do the arithmetic.
 */
final class ExitCodes {
    /** Exit code of a JVM stopped by SIGTERM ({@link Process#destroy()}). */
    static final int SIGTERMED = 128 + 15;
    /** Exit code of a JVM killed by SIGKILL ({@link Process#destroyForcibly()}). */
    static final int SIGKILLED = 128 + 9;
    private static final int SIGNAL_BASE = 128;
    private static final int MAX_SIGNAL = 64;

    private ExitCodes() {
    }

    /**
     * @param code an exit code
     * @return " (killed by SIGKILL)" and the like for codes above 128, else ""
     */
    static String describe(final int code) {
        if (code <= SIGNAL_BASE || code > SIGNAL_BASE + MAX_SIGNAL) {
            return "";
        }
        final int signal = code - SIGNAL_BASE;
        final String name;
        switch (signal) {
            case 1: name = "SIGHUP"; break;
            case 2: name = "SIGINT"; break;
            case 6: name = "SIGABRT"; break;
            case 9: name = "SIGKILL"; break;
            case 11: name = "SIGSEGV"; break;
            case 15: name = "SIGTERM"; break;
            default: name = "signal " + signal;
        }
        return " (killed by " + name + ")";
    }
}
