package io.uipc.table;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What destroying a group removed ({@link ProcessGroup#destroy}).
 *
 * @param directory     the group's directory, now gone
 * @param files         the names of the entries removed from it, sorted (none for an empty directory)
 * @param brokenBecause why the group could not be attached, if it was broken (destroyed with force)
 */
public record RemovedGroup(Path directory, List<String> files, Optional<String> brokenBecause) {
    /**
     * Copies the list of files.
     *
     * @param directory     the group's directory
     * @param files         the entries removed
     * @param brokenBecause why it could not be attached, if so
     */
    public RemovedGroup {
        files = List.copyOf(files);
    }

    /**
     * Tells whether the group was broken (a truncated, corrupt or half-deleted group, removed by force).
     *
     * @return whether it could not be attached
     */
    public boolean broken() {
        return brokenBecause.isPresent();
    }
}
