package io.uipc.table;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.UipcException;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.SharedDirectory;
import io.uipc.core.spi.InterruptBackend;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A group's directory and its files ({@link GroupFiles}), attached: the process table mapped,
 * the interrupt domain attached, the lock file open. Creates a group's files atomically (built
 * in a temporary directory, then renamed into place), checks access and validates them when
 * attaching, deletes them, makes the group root and reads the secret. The table, lock file and
 * secret are created, and the table attached, through {@link SharedDirectory} by their
 * descriptors. Everything here happens once per attach; nothing here is on a hot path.
 */
final class GroupDirectory implements AutoCloseable {
    private static final int ROOT_ATTEMPTS = 3;

    private final Path dir;
    private final ProcessTable table;
    private final InterruptDomain domain;
    private final GroupLocks locks;

    private GroupDirectory(final Path dir, final ProcessTable table, final InterruptDomain domain, final GroupLocks locks) {
        this.dir = dir;
        this.table = table;
        this.domain = domain;
        this.locks = locks;
    }

    /**
     * Creates a group's directory and files atomically: built under a temporary name, then
     * renamed into place.
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
        final Path tmp = dir.resolveSibling("." + spec.name() + ".creating-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            final GroupPrincipal unixGroup = GroupFiles.principal(spec.unixGroup());
            createInRoot(tmp);
            GroupFiles.giveTo(tmp, unixGroup);
            Files.setPosixFilePermissions(tmp, GroupFiles.dirPermissions(spec.unixGroup()));
            try (SharedDirectory files = SharedDirectory.open(tmp)) {
                createFiles(files, spec, unixGroup, backend.backend());
            }
            Files.move(tmp, dir);
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
        backend.create(new DomainConfig(files.pathOf(GroupFileNames.DOMAIN), spec.receivers(), spec.uittEntries(),
            access.permissions())).close();
        GroupFiles.giveTo(files.pathOf(GroupFileNames.DOMAIN), unixGroup);
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
     * Creates the group's directory under its root, owner-only until its Unix group is set,
     * making the root if needed. A launcher that made the root removes it when its group ends
     * and the root is empty; if that happens between the two steps here, the root is made again.
     */
    private static void createInRoot(final Path dir) throws IOException {
        for (int attempt = 1;; attempt++) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(GroupFiles.dirPermissions(Optional.empty())));
                return;
            } catch (final NoSuchFileException e) {
                if (attempt == ROOT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Attaches an existing group's files: checks access, maps and validates the table, attaches
     * the domain and opens the lock file.
     *
     * @param groupDir the group's directory
     * @return the attached files
     * @throws IllegalArgumentException if the directory's name is not a plain group name, such as '..'
     * @throws UipcException if they are missing, refused, or corrupt
     */
    static GroupDirectory attach(final Path groupDir) {
        final Path name = groupDir.getFileName();
        GroupSpec.checkName(name == null ? "" : name.toString());
        final Path dir = groupDir.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new UipcException("no group at " + dir + " (create it first, e.g. 'uipc create " + dir.getFileName() + "')");
        }
        GroupFiles.checkAccess(dir);
        final ProcessTable table = attachTable(dir);
        final InterruptDomain domain = Backends.select(ProcessTableDescriptor.backend(table.buffer())).backend()
            .attach(dir.resolve(GroupFileNames.DOMAIN));
        try {
            return new GroupDirectory(dir, table, domain, new GroupLocks(dir.resolve(GroupFileNames.LOCKS), table.entryCapacity()));
        } catch (final IOException e) {
            domain.close();
            throw new UipcException("cannot open locks of group " + dir + ": " + e, e);
        }
    }

    /**
     * Maps and validates the process table through {@link SharedDirectory} and
     * {@link ProcessTableDescriptor}.
     */
    private static ProcessTable attachTable(final Path dir) {
        try (SharedDirectory files = SharedDirectory.open(dir)) {
            return new ProcessTable(new UnsafeBuffer(files.attach(GroupFileNames.TABLE, ProcessTableDescriptor.FORMAT,
                ProcessTableDescriptor::validate)));
        } catch (final NoSuchFileException e) {
            throw new UipcException("group " + dir + " has no process table (deleted or half-created)", e);
        } catch (final AccessDeniedException e) {
            throw new GroupAccessException("not allowed to attach group " + dir + ": permission denied on " + dir.resolve(e.getFile()));
        } catch (final IOException e) {
            throw new UipcException("cannot attach group " + dir + ": " + e, e);
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
     * Reads the group secret.
     *
     * @return the secret, from its file
     * @throws GroupAccessException if this process may not read it
     */
    String readSecret() {
        try {
            return Files.readString(dir.resolve(GroupFileNames.SECRET)).trim();
        } catch (final AccessDeniedException e) {
            throw new GroupAccessException("not allowed to read the secret of group " + name());
        } catch (final IOException e) {
            throw new UipcException("cannot read the secret of group " + name() + ": " + e, e);
        }
    }

    /** Closes the lock file (dropping every lock this attachment holds) and detaches the domain. */
    @Override
    public void close() {
        locks.close();
        domain.close();
    }
}
