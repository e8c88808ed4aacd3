package io.uipc.launcher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Why a launch fails, one line per failure: the supervisor, the stop sequence and callers of
 * {@link GroupLauncher#failures()} use it from different threads, hence the concurrent list.
 * The launch's exit code follows from it alone.
 */
final class LaunchFailures {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** @param line what failed */
    void add(final String line) {
        lines.add(line);
    }

    /** @return the failures so far, oldest first */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** @return 0 if nothing failed, 1 otherwise */
    int exitCode() {
        return lines.isEmpty() ? 0 : 1;
    }
}
