package io.uipc.table;

import io.uipc.core.UipcException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A group's directory and files ({@link GroupFileNames} names them), their
 * permissions, and the access check made before
 * attaching: OS permissions decide who can attach, and uipc refuses a directory owned by
 * another user unless it is in group mode and this process belongs to that group (a check
 * root is subject to as well, since root bypasses file permissions).
 */
final class GroupFiles {
    private static final Set<PosixFilePermission> DIR_OWNER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> DIR_GROUP = PosixFilePermissions.fromString("rwxrwx---");
    private static final Set<PosixFilePermission> FILE_OWNER = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FILE_GROUP = PosixFilePermissions.fromString("rw-rw----");
    private static final Set<PosixFilePermission> SECRET_GROUP = PosixFilePermissions.fromString("rw-r-----");

    private GroupFiles() {
    }

    static Set<PosixFilePermission> dirPermissions(final Optional<String> unixGroup) {
        return unixGroup.isPresent() ? DIR_GROUP : DIR_OWNER;
    }

    static Set<PosixFilePermission> filePermissions(final Optional<String> unixGroup) {
        return unixGroup.isPresent() ? FILE_GROUP : FILE_OWNER;
    }

    static Set<PosixFilePermission> secretPermissions(final Optional<String> unixGroup) {
        return unixGroup.isPresent() ? SECRET_GROUP : FILE_OWNER;
    }

    /**
     * Looks up the Unix group a group's files are shared with.
     *
     * @param unixGroup the group's name, or empty in owner-only mode
     * @return its principal, or null in owner-only mode (files keep the creator's group)
     * @throws IOException if there is no Unix group of that name
     */
    static GroupPrincipal principal(final Optional<String> unixGroup) throws IOException {
        if (unixGroup.isEmpty()) {
            return null;
        }
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(unixGroup.get());
        } catch (final UserPrincipalNotFoundException e) {
            throw new IOException("no Unix group named '" + unixGroup.get() + "'", e);
        }
    }

    /**
     * Gives a file or directory created by path (the group's directory, and the domain file,
     * which its backend creates) to a Unix group; files created through
     * {@link io.uipc.core.internal.SharedDirectory} get theirs with their
     * {@link io.uipc.core.internal.FileAccess}.
     *
     * @param path      the file or directory, not followed if a link
     * @param unixGroup the group, or null to leave the creator's
     * @throws IOException if the group cannot be set
     */
    static void giveTo(final Path path, final GroupPrincipal unixGroup) throws IOException {
        if (unixGroup != null) {
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(unixGroup);
        }
    }

    /**
     * Refuses a group directory that this process must not attach.
     *
     * @throws GroupAccessException if it belongs to another user and group mode does not admit us
     */
    static void checkAccess(final Path dir) {
        try {
            final int ownerUid = (Integer) Files.getAttribute(dir, "unix:uid");
            final int dirGid = (Integer) Files.getAttribute(dir, "unix:gid");
            final int mode = (Integer) Files.getAttribute(dir, "unix:mode");
            final Credentials me = Credentials.current();
            if (ownerUid == me.uid()) {
                return;
            }
            final boolean groupMode = (mode & 0070) == 0070;
            if (!groupMode) {
                throw new GroupAccessException("group directory " + dir + " is owned by uid " + ownerUid
                    + " and not shared with a Unix group (mode " + Integer.toOctalString(mode & 07777)
                    + "); this process runs as uid " + me.uid() + ": refused");
            }
            if (!me.groups().contains(dirGid)) {
                throw new GroupAccessException("group directory " + dir + " is shared with gid " + dirGid
                    + ", which this process (uid " + me.uid() + ", groups " + me.groups() + ") is not in: refused");
            }
        } catch (final IOException e) {
            throw new UipcException("cannot read the owner of " + dir + ": " + e, e);
        }
    }

    /**
     * The effective uid and group ids of this process, from /proc/self/status.
     *
     * @param uid    effective uid
     * @param groups effective gid and supplementary groups
     */
    record Credentials(int uid, Set<Integer> groups) {
        static Credentials current() throws IOException {
            int uid = -1;
            final Set<Integer> groups = new HashSet<>();
            final List<String> lines = Files.readAllLines(Paths.get("/proc/self/status"));
            for (final String line : lines) {
                final String[] f = line.split("\\s+");
                if (line.startsWith("Uid:")) {
                    uid = Integer.parseInt(f[2]);
                } else if (line.startsWith("Gid:")) {
                    groups.add(Integer.parseInt(f[2]));
                } else if (line.startsWith("Groups:")) {
                    for (int i = 1; i < f.length; i++) {
                        groups.add(Integer.parseInt(f[i]));
                    }
                }
            }
            return new Credentials(uid, Set.copyOf(groups));
        }
    }
}
