package io.uipc.table;

import io.uipc.core.LayoutException;
import io.uipc.core.UipcException;
import io.uipc.core.internal.DirectoryStatus;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedFileFormat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A group's directory and files ({@link GroupFileNames} names them), their
 * permissions, and the checks made before attaching: OS permissions decide who can attach, and
 * uipc refuses a directory owned by another user unless it is in group mode and this process
 * belongs to that group (a check root is subject to as well, since root bypasses file
 * permissions); each file must then be the directory owner's, of the mode the group's sharing
 * implies, so a member cannot slip in a file of its own (a confused deputy).
 */
final class GroupFiles {
    private static final Set<PosixFilePermission> DIR_OWNER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> DIR_GROUP = PosixFilePermissions.fromString("rwxrwx---");
    private static final Set<PosixFilePermission> FILE_OWNER = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FILE_GROUP = PosixFilePermissions.fromString("rw-rw----");
    private static final Set<PosixFilePermission> SECRET_GROUP = PosixFilePermissions.fromString("rw-r-----");

    /** The secret: one line of hex, read whole and never more than this. */
    static final SharedFileFormat SECRET_FORMAT = new SharedFileFormat("group secret", 1, 4096, LayoutException::new);

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
     * Says what a group's own files (table, domain, lock file) must be: the group directory's
     * owner's, with the mode its sharing implies, and in Unix-group mode that Unix group's.
     *
     * @param dir the group directory's owner and mode
     * @return the check made before each is opened
     */
    static FileCheck expected(final DirectoryStatus dir) {
        final boolean shared = isShared(dir);
        return new FileCheck(dir.attributes().owner(), shared ? FILE_GROUP : FILE_OWNER, shared ? dir.attributes().group() : null);
    }

    /**
     * Says what a group's secret must be (as its other files, but readable only by the group).
     *
     * @param dir the group directory's owner and mode
     * @return the check made before it is read
     */
    static FileCheck expectedSecret(final DirectoryStatus dir) {
        final boolean shared = isShared(dir);
        return new FileCheck(dir.attributes().owner(), shared ? SECRET_GROUP : FILE_OWNER, shared ? dir.attributes().group() : null);
    }

    private static boolean isShared(final DirectoryStatus dir) {
        return (dir.mode() & 0070) == 0070;
    }

    /**
     * Refuses a group directory that this process must not attach: one another user owns and
     * does not share with a Unix group this process is in, or one every user may write in.
     *
     * @param dir    the group directory, for messages
     * @param status its owner and mode, read from the opened directory
     * @throws GroupAccessException if it belongs to another user and group mode does not admit us
     * @throws UipcException        if every user may write in it
     */
    static void checkAccess(final Path dir, final DirectoryStatus status) {
        if ((status.mode() & 0002) != 0) {
            throw new UipcException("group directory " + dir + " is writable by every user (" + status.describe() + "): refused");
        }
        try {
            final Credentials me = Credentials.current();
            if (status.uid() == me.uid()) {
                return;
            }
            if (!isShared(status)) {
                throw new GroupAccessException("group directory " + dir + " is owned by uid " + status.uid()
                    + " and not shared with a Unix group (mode " + Integer.toOctalString(status.mode())
                    + "); this process runs as uid " + me.uid() + ": refused");
            }
            if (!me.groups().contains(status.gid())) {
                throw new GroupAccessException("group directory " + dir + " is shared with gid " + status.gid()
                    + ", which this process (uid " + me.uid() + ", groups " + me.groups() + ") is not in: refused");
            }
        } catch (final IOException e) {
            throw new UipcException("cannot read this process's credentials: " + e, e);
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
