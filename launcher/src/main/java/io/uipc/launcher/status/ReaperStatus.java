package io.uipc.launcher.status;

/**
 * Who reaps a group: the pid the last elected reaper stamped in the table, and whether that process
 * still runs (a process of that pid exists; the pid could have been reused since).
 *
 * @param pid   the last elected reaper's pid, 0 if none was ever elected
 * @param alive whether a process of that pid runs
 */
public record ReaperStatus(int pid, boolean alive) {
    /**
     * Probes a reaper pid.
     *
     * @param pid the pid stamped in the table, or 0
     * @return the reaper's status
     */
    public static ReaperStatus of(final int pid) {
        return new ReaperStatus(pid, pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * The reaper as the tools print it.
     *
     * @return "pid N", "none", or "none (pid N exited)"
     */
    public String describe() {
        if (pid <= 0) {
            return "none";
        }
        return alive ? "pid " + pid : "none (pid " + pid + " exited)";
    }
}
