package io.uipc.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a chaos run does.
 *
 * @param duration          how long the chaos lasts (then the checks)
 * @param members           member JVMs, at least 2 (the issue asks for 6 or more)
 * @param seed              seeds the driver's choices and the members' peers
 * @param killRate          SIGKILLs per second, over the whole group
 * @param stopRate          SIGSTOPs per second, over the whole group
 * @param maxStop           longest a member stays stopped before its SIGCONT
 * @param root              where the group directory is created
 * @param keepLogsOnFailure keep the per-incarnation logs when a check fails
 */
public record ChaosOptions(Duration duration, int members, long seed, double killRate, double stopRate, Duration maxStop,
                           Path root, boolean keepLogsOnFailure) {
    /**
     * Checks the fields.
     *
     * @param duration          how long the chaos lasts (then the checks)
     * @param members           member JVMs, at least 2 (the issue asks for 6 or more)
     * @param seed              seeds the driver's choices and the members' peers
     * @param killRate          SIGKILLs per second, over the whole group
     * @param stopRate          SIGSTOPs per second, over the whole group
     * @param maxStop           longest a member stays stopped before its SIGCONT
     * @param root              where the group directory is created
     * @param keepLogsOnFailure keep the per-incarnation logs when a check fails
     */
    public ChaosOptions {
        if (members < 2 || members > 60) {
            throw new IllegalArgumentException("members " + members + " out of range 2..60");
        }
        if (killRate < 0 || stopRate < 0 || killRate + stopRate <= 0) {
            throw new IllegalArgumentException("kill and stop rates must be non-negative and not both zero");
        }
    }
}
