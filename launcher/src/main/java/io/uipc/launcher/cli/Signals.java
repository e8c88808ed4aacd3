package io.uipc.launcher.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.uipc.core.internal.PosixSignals;

/**
 * SIGINT and SIGTERM handlers for commands that supervise processes: instead of the JVM's
 * default (run shutdown hooks and exit at once), they ask the command to stop in order.
 */
public final class Signals {
    private static final int SIGINT = 2;

    private Signals() {
    }

    /** The one libc call needed here. */
    private interface LibC extends Library {
        Pointer signal(int signal, Pointer handler);
    }

    /**
     * Installs the handlers.
     *
     * @param action what to do on each SIGINT or SIGTERM; runs on the JVM's signal thread
     */
    public static void onStop(final Runnable action) {
        // A JVM started with SIGINT ignored (a background job of a non-interactive shell) keeps
        // ignoring it and installs no handler; restore the default first so `kill -INT` works.
        Native.load(Platform.C_LIBRARY_NAME, LibC.class).signal(SIGINT, Pointer.NULL);
        PosixSignals.handle("INT", action);
        PosixSignals.handle("TERM", action);
    }
}
