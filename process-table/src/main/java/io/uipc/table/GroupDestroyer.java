package io.uipc.table;

import io.uipc.core.UipcException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Destroys a group: opens its directory ({@link GroupRemoval}), refuses it unless this process
 * owns it, refuses it while members live unless forced, and removes it. A group that cannot be
 * attached (a truncated or corrupt file, files half deleted, an empty directory) is broken: it
 * is refused with a hint to force, and removed when forced, without attaching anything. Every
 * refusal comes before anything is deleted.
 */
final class GroupDestroyer {
    /** No test hook: removal goes straight from listing to deleting. */
    static final Runnable NO_PAUSE = () -> { };

    private GroupDestroyer() {
    }

    /**
     * Destroys a group.
     *
     * @param groupDir     the group's directory
     * @param force        remove it even while members live, or when it is broken
     * @param afterListing a test's hook, run after the directory is listed and before anything is deleted
     * @return what was removed
     * @throws IllegalArgumentException if the directory's name is not a plain group name, such as '..'
     * @throws GroupAccessException     if another user owns it
     * @throws UipcException            if there is none, members live or it is broken and not {@code force},
     *                                  or something in it cannot be removed
     */
    static RemovedGroup destroy(final Path groupDir, final boolean force, final Runnable afterListing) {
        final Path name = groupDir.getFileName();
        GroupSpec.checkName(name == null ? "" : name.toString());
        final Path dir = groupDir.toAbsolutePath();
        try (GroupRemoval removal = GroupRemoval.open(dir)) {
            removal.checkOwner();
            final Optional<String> broken = checkMembers(dir, force);
            return new RemovedGroup(dir, removal.remove(afterListing), broken);
        }
    }

    /**
     * Attaches the group to look for live members.
     *
     * @return why the group cannot be attached, if it is broken and {@code force}; empty if it attached
     * @throws UipcException if members live, or it is broken, and not {@code force}
     */
    private static Optional<String> checkMembers(final Path dir, final boolean force) {
        final String name = dir.getFileName().toString();
        final GroupDirectory files;
        try {
            files = GroupDirectory.attach(dir);
        } catch (final RuntimeException e) {
            final String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            if (!force) {
                throw new UipcException("group " + name + " is broken (" + reason + "); destroy --force removes what is left of it", e);
            }
            return Optional.of(reason);
        }
        try (files) {
            final List<String> live = new GroupSnapshot(files).liveMemberNames();
            if (!live.isEmpty() && !force) {
                throw new UipcException("group " + name + " has " + live.size() + " live member(s): "
                    + String.join(", ", live) + "; stop them first or use --force");
            }
        }
        return Optional.empty();
    }
}
