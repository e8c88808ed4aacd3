package io.uipc.table;

import io.uipc.core.UipcException;
import io.uipc.core.internal.AbandonedTemporaries;
import io.uipc.core.internal.DirectoryModes;
import io.uipc.core.internal.DirectoryStatus;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.core.internal.TemporaryNames;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The directory that holds group directories (default /dev/shm/uipc), opened and checked before
 * anything is created or attached in it. Whoever may rename entries in it may swap one group for
 * another, so it must be a real directory (never a link), owned by root or by this user (or, on
 * attach, by the group's own owner), and, if others may write in it, sticky like /tmp, so only
 * an entry's owner can rename or remove it. A root uipc makes is such a shared directory, mode
 * 1777, so every user can create groups in it. Each check names the owner and mode and the
 * {@code --dir} override.
 */
final class GroupRoot {
    private static final int SHARED_ROOT_MODE = 01777;
    private static final int ROOT_UID = 0;
    private static final int ROOT_ATTEMPTS = 3;
    /** A temporary name in a root whose creator is not seen alive is removed once this old. */
    static final long ABANDONED_AFTER_SECONDS = 60;

    private GroupRoot() {
    }

    /**
     * Checks a root to create a group in, making it (mode 1777) if it is missing, so that what
     * is wrong with it is said before anything is made.
     *
     * @param root  the root
     * @param group the group's name, for messages
     * @throws UipcException one line naming what is wrong with the root and how to get past it
     */
    static void check(final Path root, final String group) {
        close(openForCreate(root, group));
    }

    /**
     * Starts building a group: opens and checks its root, removes what creators that died left
     * there ({@link #removeAbandoned}) and makes the group's private temporary directory in it. A
     * root removed in between (a launch that made it ends and removes it while empty) is made again.
     *
     * @param groupDir  the group's directory, in its root
     * @param temporary the temporary directory's name
     * @return the opened root and temporary directory
     * @throws IOException if the temporary directory cannot be made
     */
    static Building build(final Path groupDir, final String temporary) throws IOException {
        for (int attempt = 1;; attempt++) {
            final SharedDirectory root = openForCreate(groupDir.getParent(), groupDir.getFileName().toString());
            try {
                removeAbandoned(root);
                return new Building(root, root.createDirectory(temporary), temporary, groupDir.getFileName().toString());
            } catch (final NoSuchFileException e) {
                close(root);
                if (attempt == ROOT_ATTEMPTS) {
                    throw e;
                }
            } catch (final IOException | RuntimeException e) {
                close(root);
                throw e;
            }
        }
    }

    /**
     * Removes the temporary names in a root whose creator died before renaming them: a group
     * half built (its secret in it) by a process killed mid-create, a launcher's record half
     * written. Nothing in the root records who lives, and a creator in another pid namespace
     * (a container sharing /dev/shm) is invisible here, so a name is also left until it is
     * {@value #ABANDONED_AFTER_SECONDS} s old by its stamp (a create takes well under a second).
     * The root is sticky: only a name's owner, or root, can remove it; others are left. A root
     * that cannot be listed is left for the create that follows to fail on, if it must.
     */
    private static void removeAbandoned(final SharedDirectory root) {
        final long now = System.nanoTime() & Long.MAX_VALUE;
        final List<String> old = new ArrayList<>();
        try {
            for (final String name : AbandonedTemporaries.list(root)) {
                if (now - TemporaryNames.createdNanos(name) > TimeUnit.SECONDS.toNanos(ABANDONED_AFTER_SECONDS)) {
                    old.add(name);
                }
            }
        } catch (final IOException e) {
            return;
        }
        AbandonedTemporaries.remove(root, old, pid -> ProcStat.isAlive(pid, 0));
    }

    /**
     * A group being built: its root and its private temporary directory, both opened.
     *
     * @param root      the opened root
     * @param files     the opened temporary directory, where the group's files are made
     * @param temporary the temporary directory's name
     * @param name      the group's name
     */
    record Building(SharedDirectory root, SharedDirectory files, String temporary, String name) implements AutoCloseable {
        /**
         * Renames the finished directory to the group's name, which must be free.
         *
         * @throws java.nio.file.FileAlreadyExistsException if a group of that name exists
         * @throws IOException if it cannot be renamed
         */
        void publish() throws IOException {
            root.moveDirectoryToNewName(temporary, name);
        }

        @Override
        public void close() {
            GroupRoot.close(files);
            GroupRoot.close(root);
        }
    }

    /**
     * Opens a root to create a group in, making it (mode 1777) if it is missing.
     *
     * @param root  the root
     * @param group the group's name, for messages
     * @return the opened, checked root
     * @throws UipcException one line naming what is wrong with the root and how to get past it
     */
    static SharedDirectory openForCreate(final Path root, final String group) {
        final SharedDirectory opened = open(root.toAbsolutePath().normalize(), true, -1);
        if (!Files.isWritable(opened.path())) {
            final String owner = describe(opened);
            close(opened);
            throw new UipcException("cannot create group '" + group + "' in " + opened.path() + ": Permission denied ("
                + owner + "); ask its owner to make it a shared directory like /tmp (chmod 1777 " + opened.path()
                + "), or use --dir DIR for a directory of your own");
        }
        return opened;
    }

    /**
     * Opens a group's root to attach the group: it must exist; a root owned by another user is
     * accepted only if that user also owns the group.
     *
     * @param root  the root
     * @param group the group's name
     * @return the opened, checked root
     * @throws UipcException one line naming what is wrong with the root
     */
    static SharedDirectory openForAttach(final Path root, final String group) {
        final Path absolute = root.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new UipcException("no group at " + absolute.resolve(group) + " (create it first, e.g. 'uipc create " + group + "')");
        }
        int groupOwner = -1;
        try {
            groupOwner = (Integer) Files.getAttribute(absolute.resolve(group), "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (final IOException | UnsupportedOperationException e) {
            // no group there: the open below says what is missing
        }
        return open(absolute, false, groupOwner);
    }

    /**
     * Opens a root to list its groups: it must exist and be trusted as for a create.
     *
     * @param root the root
     * @return the opened, checked root
     * @throws UipcException one line naming what is wrong with the root
     */
    static SharedDirectory openForList(final Path root) {
        return open(root.toAbsolutePath().normalize(), false, -1);
    }

    private static SharedDirectory open(final Path root, final boolean create, final int alsoTrusted) {
        final Path parent = root.getParent();
        if (parent == null) {
            throw new UipcException("'/' cannot be a group root: use --dir DIR");
        }
        final String name = root.getFileName().toString();
        try {
            if (create) {
                Files.createDirectories(parent);
            }
            try (SharedDirectory above = SharedDirectory.open(parent)) {
                if (create && !exists(above, name)) {
                    makeShared(root);
                }
                checkKind(root, above, name);
                final SharedDirectory opened = above.openDirectory(name);
                try {
                    checkTrust(opened, alsoTrusted);
                    return opened;
                } catch (final RuntimeException e) {
                    close(opened);
                    throw e;
                }
            }
        } catch (final NoSuchFileException e) {
            throw new UipcException("no group root at " + root + " (no group was created there yet)", e);
        } catch (final IOException e) {
            throw new UipcException("cannot open group root " + root + ": " + e.getMessage(), e);
        }
    }

    /** Makes a missing root: owner-only first, then 1777 on the directory itself, never through a link. */
    private static void makeShared(final Path root) throws IOException {
        try {
            Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (final FileAlreadyExistsException e) {
            return; // another process made it first: it is checked like any other
        }
        DirectoryModes.set(root, SHARED_ROOT_MODE);
    }

    private static boolean exists(final SharedDirectory dir, final String name) throws IOException {
        try {
            dir.attributes(name);
            return true;
        } catch (final NoSuchFileException e) {
            return false;
        }
    }

    private static void checkKind(final Path root, final SharedDirectory above, final String name) throws IOException {
        final PosixFileAttributes attributes = above.attributes(name);
        if (attributes.isSymbolicLink()) {
            throw new UipcException("group root " + root + " is a symbolic link (to " + Files.readSymbolicLink(root)
                + "): refused, as its target could be swapped; use --dir with the real directory");
        }
        if (!attributes.isDirectory()) {
            throw new UipcException("group root " + root + " is " + (attributes.isRegularFile() ? "a regular file" : "a FIFO, socket or device")
                + ", not a directory: remove it, or use --dir DIR");
        }
    }

    private static void checkTrust(final SharedDirectory root, final int alsoTrusted) throws IOException {
        final DirectoryStatus status = root.status();
        final int me = GroupFiles.Credentials.current().uid();
        if (status.uid() != ROOT_UID && status.uid() != me && status.uid() != alsoTrusted) {
            throw new UipcException("group root " + root.path() + " belongs to another user (" + status.describe()
                + "), who could rename or replace the groups in it: refused; remove it (as root or its owner) or use --dir DIR");
        }
        if (status.writableByOthers() && !status.sticky()) {
            throw new UipcException("group root " + root.path() + " is writable by other users but not sticky (" + status.describe()
                + "), so anyone could rename or replace the groups in it: refused; chmod 1777 " + root.path() + " or use --dir DIR");
        }
    }

    private static String describe(final SharedDirectory dir) {
        try {
            return dir.status().describe();
        } catch (final IOException e) {
            return e.getMessage();
        }
    }

    private static void close(final SharedDirectory dir) {
        try {
            dir.close();
        } catch (final IOException ignored) {
            // only read from: nothing to lose
        }
    }
}
