package io.uipc.table;

import io.uipc.core.Backends;
import io.uipc.core.InterruptDomain;
import io.uipc.core.LayoutVersionException;
import io.uipc.core.UipcException;
import io.uipc.core.internal.AbandonedTemporaries;
import io.uipc.core.internal.DirectoryStatus;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.FileCheck;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.core.internal.TemporaryNames;
import io.uipc.core.spi.InterruptBackend;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * A group's directory and its files ({@link GroupFiles}), attached: the directory opened (in its
 * checked root, {@link GroupRoot}), the process table mapped, the interrupt domain attached, the
 * lock file open. Creates a group's files atomically (built in a private temporary directory,
 * then renamed into place), checks access and validates them when attaching, deletes them and
 * reads the secret. Every file is created, checked (owner, mode, regular file, size) and opened
 * by name relative to the opened directory through {@link SharedDirectory}, never by a path and
 * never through a link. Everything here happens once per attach; nothing here is on a hot path.
 */
final class GroupDirectory implements AutoCloseable {
    private final Path dir;
    private final SharedDirectory files;
    private final FileCheck secretCheck;
    private final ProcessTable table;
    private final InterruptDomain domain;
    private final GroupLocks locks;

    private GroupDirectory(final Path dir, final SharedDirectory files, final FileCheck secretCheck, final ProcessTable table,
                           final InterruptDomain domain, final GroupLocks locks) {
        this.dir = dir;
        this.files = files;
        this.secretCheck = secretCheck;
        this.table = table;
        this.domain = domain;
        this.locks = locks;
    }

    /**
     * Creates a group's directory and files atomically: built in a private directory under a
     * temporary name in the checked root ({@link GroupRoot}), every file with its final mode and
     * Unix group, the directory given its own mode and group last (on the opened directory, not
     * by path) while no one else can write in it, then renamed exclusively into place.
     *
     * @param spec name, location, capacities, Unix group, backend
     * @return the group's directory, absolute
     * @throws UipcException if it exists or cannot be created
     */
    static Path create(final GroupSpec spec) {
        final Path dir = spec.directory().toAbsolutePath();
        if (Files.exists(dir)) {
            throw new UipcException("group '" + spec.name() + "' already exists at " + dir);
        }
        final Backends.Selection backend = Backends.select(spec.backend());
        final Path tmp = dir.resolveSibling(TemporaryNames.creating(spec.name()));
        GroupRoot.check(dir.getParent(), spec.name());
        try (GroupRoot.Building building = GroupRoot.build(dir, tmp.getFileName().toString())) {
            final GroupPrincipal unixGroup = GroupFiles.principal(spec.unixGroup());
            createFiles(building.files(), spec, unixGroup, backend.backend());
            building.files().setOwnAccess(new FileAccess(GroupFiles.dirPermissions(spec.unixGroup()), unixGroup));
            building.publish();
        } catch (final IOException | RuntimeException e) {
            delete(tmp, e);
            throw CreateFailure.describe(spec.name(), dir, e);
        } catch (final Error e) {
            delete(tmp, e);
            throw e;
        }
        return dir;
    }

    /**
     * Creates the secret, the domain, the table and the lock file in the group's (temporary)
     * directory, each with its final mode and Unix group before it appears under its name.
     */
    private static void createFiles(final SharedDirectory files, final GroupSpec spec, final GroupPrincipal unixGroup,
                                    final InterruptBackend backend) throws IOException {
        final FileAccess access = new FileAccess(GroupFiles.filePermissions(spec.unixGroup()), unixGroup);
        final String secret = GroupSecret.generate();
        createSecret(files, secret, new FileAccess(GroupFiles.secretPermissions(spec.unixGroup()), unixGroup));
        backend.create(files, GroupFileNames.DOMAIN, spec.receivers(), spec.uittEntries(), access).close();
        final int entries = spec.entries();
        final byte[] salt = GroupSecret.salt();
        final byte[] secretHash = GroupSecret.hash(salt, secret);
        files.create(GroupFileNames.TABLE, ProcessTableDescriptor.totalLength(entries, ProcessTableDescriptor.indexCapacity(entries)),
            access, table -> ProcessTableDescriptor.fill(table, entries, salt, secretHash, backend.name()));
        files.create(GroupFileNames.LOCKS, LockFileDescriptor.totalLength(entries), access, LockFileDescriptor::fill);
    }

    /**
     * Writes the secret file: one line, the hex secret. Its readers read it whole and never map
     * it, but it is created through {@link SharedDirectory} like the mapped files (written
     * through a one-off mapping) so that it, too, is complete and has its final mode and Unix
     * group before it appears under its name.
     */
    private static void createSecret(final SharedDirectory files, final String secret, final FileAccess access)
        throws IOException {
        final byte[] line = (secret + "\n").getBytes(StandardCharsets.US_ASCII);
        files.create(GroupFileNames.SECRET, line.length, access, file -> file.putBytes(0, line));
    }

    /**
     * Attaches an existing group's files: checks access, maps and validates the table, attaches
     * the domain and opens the lock file.
     *
     * @param groupDir the group's directory
     * @return the attached files
     * @throws IllegalArgumentException if the directory's name is not a plain group name, such as '..'
     * @throws LayoutVersionException if another build's layout version is in the table or the domain
     * @throws UipcException if they are missing, refused, or corrupt
     */
    static GroupDirectory attach(final Path groupDir) {
        final Path name = groupDir.getFileName();
        GroupSpec.checkName(name == null ? "" : name.toString());
        final Path dir = groupDir.toAbsolutePath();
        final SharedDirectory files = openGroup(dir);
        try {
            final DirectoryStatus status = files.status();
            GroupFiles.checkAccess(dir, status);
            final FileCheck check = GroupFiles.expected(status);
            final ProcessTable table = attachTable(files, check);
            final InterruptDomain domain = Backends.select(ProcessTableDescriptor.backend(table.buffer())).backend()
                .attach(files, GroupFileNames.DOMAIN, check);
            try {
                return new GroupDirectory(dir, files, GroupFiles.expectedSecret(status), table, domain,
                    new GroupLocks(files, GroupFileNames.LOCKS, table.entryCapacity(), check));
            } catch (final NoSuchFileException e) {
                domain.close();
                throw new UipcException("group " + dir + " has no lock file (deleted or half-created)", e);
            } catch (final IOException | RuntimeException e) {
                domain.close();
                throw e;
            }
        } catch (final IOException e) {
            closeQuietly(files);
            throw new UipcException("cannot attach group " + dir + ": " + e.getMessage(), e);
        } catch (final LayoutVersionException e) {
            closeQuietly(files);
            throw e.inGroup(name.toString());
        } catch (final RuntimeException e) {
            closeQuietly(files);
            throw e;
        }
    }

    /** Opens the group's directory in its checked root, never through a link. */
    private static SharedDirectory openGroup(final Path dir) {
        try (SharedDirectory root = GroupRoot.openForAttach(dir.getParent(), dir.getFileName().toString())) {
            return root.openDirectory(dir.getFileName().toString());
        } catch (final NoSuchFileException e) {
            throw new UipcException("no group at " + dir + " (create it first, e.g. 'uipc create " + dir.getFileName() + "')", e);
        } catch (final NotDirectoryException e) {
            throw new UipcException(dir + " is not a group directory", e);
        } catch (final AccessDeniedException e) {
            throw refused(dir);
        } catch (final IOException e) {
            if (Files.isSymbolicLink(dir)) {
                throw new UipcException("group directory " + dir + " is a symbolic link: refused", e);
            }
            throw new UipcException("cannot open group directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Says why the file system refused to open a group directory: its owner and mode, read by path for the message only. */
    private static GroupAccessException refused(final Path dir) {
        try {
            final Map<String, Object> unix = Files.readAttributes(dir, "unix:uid,unix:gid,unix:mode", LinkOption.NOFOLLOW_LINKS);
            GroupFiles.checkAccess(dir, new DirectoryStatus((Integer) unix.get("uid"), (Integer) unix.get("gid"),
                (Integer) unix.get("mode") & 07777, Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (final GroupAccessException e) {
            return e;
        } catch (final IOException | RuntimeException e) {
            // the owner cannot be read either: say what is known
        }
        return new GroupAccessException("not allowed to attach group " + dir + ": permission denied");
    }

    /**
     * Maps and validates the process table through {@link SharedDirectory} and
     * {@link ProcessTableDescriptor}, after checking its owner and mode.
     */
    private static ProcessTable attachTable(final SharedDirectory files, final FileCheck check) {
        try {
            return new ProcessTable(new UnsafeBuffer(files.attach(GroupFileNames.TABLE, ProcessTableDescriptor.FORMAT,
                ProcessTableDescriptor::validate, check)));
        } catch (final NoSuchFileException e) {
            throw new UipcException("group " + files.path() + " has no process table (deleted or half-created)", e);
        } catch (final AccessDeniedException e) {
            throw new GroupAccessException("not allowed to attach group " + files.path() + ": permission denied on "
                + files.pathOf(GroupFileNames.TABLE));
        } catch (final IOException e) {
            throw new UipcException("cannot attach group " + files.path() + ": " + e, e);
        }
    }

    private static void closeQuietly(final SharedDirectory files) {
        try {
            files.close();
        } catch (final IOException ignored) {
            // only read from: nothing to lose
        }
    }

    /**
     * Destroys a group ({@link GroupDestroyer}).
     *
     * @param groupDir the group's directory
     * @param force    delete even while members live, or when the group is broken
     * @return what was removed
     * @throws IllegalArgumentException if the directory's name is not a plain group name, such as '..'
     * @throws UipcException if members live or the group is broken and not {@code force}, or another user owns it
     */
    static RemovedGroup destroy(final Path groupDir, final boolean force) {
        return GroupDestroyer.destroy(groupDir, force, GroupDestroyer.NO_PAUSE);
    }

    /**
     * Removes what a failed create left (its half-built directory); a failure to remove it is
     * added to the create's failure, which is what the caller reports.
     */
    private static void delete(final Path tmp, final Throwable failure) {
        if (!Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (GroupRemoval removal = GroupRemoval.open(tmp)) {
            removal.remove(GroupDestroyer.NO_PAUSE);
        } catch (final RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    Path path() {
        return dir;
    }

    /**
     * Lists the names of files under construction in the group's directory, live or abandoned.
     *
     * @return the temporary names ({@link AbandonedTemporaries#list}); none if the directory
     *     cannot be listed, so that a reap still reclaims what it can (the names wait for the next)
     */
    List<String> temporaries() {
        try {
            return AbandonedTemporaries.list(files);
        } catch (final IOException e) {
            return List.of();
        }
    }

    /**
     * Removes the temporary names whose creator does not live ({@link AbandonedTemporaries#remove}).
     *
     * @param temporaries  names {@link #temporaries()} listed
     * @param creatorLives tells whether the process of a pid lives
     * @return the names removed
     */
    List<String> removeAbandoned(final List<String> temporaries, final LongPredicate creatorLives) {
        return AbandonedTemporaries.remove(files, temporaries, creatorLives);
    }

    String name() {
        return dir.getFileName().toString();
    }

    ProcessTable table() {
        return table;
    }

    InterruptDomain domain() {
        return domain;
    }

    GroupLocks locks() {
        return locks;
    }

    /**
     * Reads the group secret, relative to the opened group directory: only a regular file of the
     * directory owner's, of the secret's mode and at most 4 KiB is read (a FIFO, a device or a
     * link is refused before it could block or stream).
     *
     * @return the secret, from its file
     * @throws GroupAccessException if this process may not read it
     * @throws io.uipc.core.LayoutException if the file is not what a secret must be
     */
    String readSecret() {
        try {
            return new String(files.readSmall(GroupFileNames.SECRET, GroupFiles.SECRET_FORMAT, secretCheck),
                StandardCharsets.US_ASCII).trim();
        } catch (final NoSuchFileException e) {
            throw new UipcException("group " + name() + " has no secret (" + files.pathOf(GroupFileNames.SECRET) + ")", e);
        } catch (final AccessDeniedException e) {
            throw new GroupAccessException("not allowed to read the secret of group " + name());
        } catch (final IOException e) {
            throw new UipcException("cannot read the secret of group " + name() + ": " + e, e);
        }
    }

    /** Closes the lock file (dropping every lock this attachment holds), detaches the domain and closes the directory. */
    @Override
    public void close() {
        locks.close();
        domain.close();
        closeQuietly(files);
    }
}
