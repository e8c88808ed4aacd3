package io.uipc.testing;

import io.uipc.core.internal.SharedDirectory;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a child JVM at the one step a crash must be tested at, for a test to SIGKILL it there:
 * once the next shared file exists under its temporary name (before its mode and group are set
 * and before it is renamed), the creating thread prints {@code creating PATH} and parks for good.
 * The test reads the line with {@link #awaitIn}, so no timing is guessed.
 */
public final class StopWhileCreating {
    private static final String PREFIX = "creating ";

    private StopWhileCreating() {
    }

    /** In the child: makes every later creation of a shared file stop at its temporary name. */
    public static void install() {
        SharedDirectory.stepHook(temporary -> {
            CommandLoop.print(PREFIX + temporary);
            while (true) {
                LockSupport.park();
            }
        });
    }

    /**
     * In the test: waits until the child stopped.
     *
     * @param child the child JVM that called {@link #install} and started a creation
     * @return the path of the file, under its temporary name, the child stopped at
     */
    public static Path awaitIn(final JvmProcess child) {
        return Path.of(child.expect(PREFIX).substring(PREFIX.length()));
    }
}
