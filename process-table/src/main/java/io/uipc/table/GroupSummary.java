package io.uipc.table;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One group of a root as {@link GroupCatalog#list} found it: who owns it, whom it is shared
 * with, and whether this process could attach it. Everything but the name and directory comes
 * from the file system and the group's own files, so it is untrusted text: escape it before
 * printing it to a terminal.
 *
 * @param name        the group's name
 * @param directory   its directory
 * @param owner       the user owning its directory (a name, or the uid if it has none)
 * @param sharedWith  the Unix group it is shared with ({@code --unix-group}), empty if owner-only
 * @param status      whether this process could attach it
 * @param detail      why not, for {@link Status#BROKEN} and {@link Status#REFUSED}; empty otherwise
 * @param liveMembers members whose process holds their liveness lock, or -1 if not attached
 * @param capacity    table entries, or -1 if not attached
 * @param backend     the interrupt backend's name, or empty if not attached
 */
public record GroupSummary(String name, Path directory, String owner, Optional<String> sharedWith, Status status, String detail,
                           int liveMembers, int capacity, String backend) {
    /** Whether a group could be attached. */
    public enum Status {
        /** Attached and validated. */
        OK,
        /** This process may not attach it (another user's, not shared with one of its groups). */
        REFUSED,
        /** Its directory or files are missing, truncated, corrupt or not what they should be: {@code uipc destroy --force} removes it. */
        BROKEN
    }
}
