package io.uipc.launcher.cli;

import sun.misc.Signal;

/**
 * SIGINT and SIGTERM handlers for commands that supervise processes: instead of the JVM's
 * default (run shutdown hooks and exit at once), they ask the command to stop in order.
 */
final class Signals {
    private Signals() {
    }

    /** @param action what to do on each SIGINT or SIGTERM; runs on the JVM's signal thread */
    static void onStop(final Runnable action) {
        Signal.handle(new Signal("INT"), s -> action.run());
        Signal.handle(new Signal("TERM"), s -> action.run());
    }
}
