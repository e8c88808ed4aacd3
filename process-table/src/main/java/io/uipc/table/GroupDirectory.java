package io.uipc.table;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.UipcException;
import io.uipc.core.internal.FileAllocation;
import io.uipc.core.internal.FileTrees;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A group's directory and its files ({@link GroupFiles}), attached: the process table mapped,
 * the interrupt domain attached, the lock file open. Creates a group's files atomically (built
 * in a temporary directory, then renamed into place), checks access and validates them when
 * attaching, deletes them, makes the group root, reads the secret and gives files members add
 * the group's mode. Everything here happens once per attach; nothing here is on a hot path.
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
            createInRoot(tmp, PosixFilePermissions.asFileAttribute(GroupFiles.dirPermissions(spec.unixGroup())));
            Files.setPosixFilePermissions(tmp, GroupFiles.dirPermissions(spec.unixGroup()));
            final String secret = GroupSecret.generate();
            writeFile(tmp.resolve(GroupFileNames.SECRET), (secret + "\n").getBytes(StandardCharsets.US_ASCII), spec);
            Files.setPosixFilePermissions(tmp.resolve(GroupFileNames.SECRET), GroupFiles.secretPermissions(spec.unixGroup()));
            backend.backend().create(new DomainConfig(tmp.resolve(GroupFileNames.DOMAIN), spec.receivers(), spec.uittEntries(),
                GroupFiles.filePermissions(spec.unixGroup()))).close();
            createTable(tmp.resolve(GroupFileNames.TABLE), spec, secret, backend.backend().name());
            createLocks(tmp.resolve(GroupFileNames.LOCKS), spec);
            if (spec.unixGroup().isPresent()) {
                for (final String f : List.of("", GroupFileNames.SECRET, GroupFileNames.DOMAIN, GroupFileNames.TABLE, GroupFileNames.LOCKS)) {
                    GroupFiles.chgrp(f.isEmpty() ? tmp : tmp.resolve(f), spec.unixGroup().get());
                }
            }
            Files.move(tmp, dir);
        } catch (final FileAlreadyExistsException e) {
            delete(tmp);
            throw new UipcException("group '" + spec.name() + "' already exists at " + dir, e);
        } catch (final IOException | RuntimeException e) {
            delete(tmp);
            throw new UipcException("cannot create group '" + spec.name() + "' at " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * Creates the group's directory under its root, making the root if needed. A launcher that
     * made the root removes it when its group ends and the root is empty; if that happens between
     * the two steps here, the root is made again.
     */
    private static void createInRoot(final Path dir, final FileAttribute<?> permissions) throws IOException {
        for (int attempt = 1;; attempt++) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, permissions);
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
     * @throws UipcException if they are missing, refused, or corrupt
     */
    static GroupDirectory attach(final Path groupDir) {
        final Path dir = groupDir.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new UipcException("no group at " + dir + " (create it first, e.g. 'uipc create " + dir.getFileName() + "')");
        }
        GroupFiles.checkAccess(dir);
        final ProcessTable table = attachTable(dir);
        final InterruptDomain domain = Backends.select(backendName(table)).backend().attach(dir.resolve(GroupFileNames.DOMAIN));
        try {
            return new GroupDirectory(dir, table, domain, new GroupLocks(dir.resolve(GroupFileNames.LOCKS), table.entryCapacity()));
        } catch (final IOException e) {
            domain.close();
            throw new UipcException("cannot open locks of group " + dir + ": " + e, e);
        }
    }

    /**
     * Deletes a group's files.
     *
     * @param groupDir the group's directory
     * @param force    delete even while members live
     * @throws UipcException if members live and not {@code force}
     */
    static void destroy(final Path groupDir, final boolean force) {
        final Path dir = groupDir.toAbsolutePath();
        try (GroupDirectory files = attach(dir)) {
            final List<String> live = new GroupSnapshot(files).liveMemberNames();
            if (!live.isEmpty() && !force) {
                throw new UipcException("group " + dir.getFileName() + " has " + live.size() + " live member(s): "
                    + String.join(", ", live) + "; stop them first or use --force");
            }
        }
        delete(dir);
    }

    private static void delete(final Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (final IOException e) {
            throw new UipcException("cannot delete " + dir + ": " + e, e);
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
     * Tells whether the group was destroyed under its members.
     *
     * @return whether the group's table file is still there
     */
    boolean exists() {
        return Files.exists(dir.resolve(GroupFileNames.TABLE));
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

    /**
     * Gives a file in the directory the mode and Unix group of the table file.
     *
     * @param file a file in this directory
     * @throws IOException if the mode or group cannot be set
     */
    void shareFile(final Path file) throws IOException {
        final Path reference = dir.resolve(GroupFileNames.TABLE);
        Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(reference));
        final PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        final GroupPrincipal owner = Files.readAttributes(reference, PosixFileAttributes.class).group();
        if (!view.readAttributes().group().equals(owner)) {
            view.setGroup(owner);
        }
    }

    /** Closes the lock file (dropping every lock this attachment holds) and detaches the domain. */
    @Override
    public void close() {
        locks.close();
        domain.close();
    }

    // ---- The table and lock files' formats: create (fill, magic last) and attach (map, validate). ----

    private static void writeFile(final Path file, final byte[] content, final GroupSpec spec) throws IOException {
        Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(file, GroupFiles.filePermissions(spec.unixGroup()));
    }

    private static void createLocks(final Path file, final GroupSpec spec) throws IOException {
        writeFile(file, new byte[2 + spec.entries()], spec);
    }

    private static void createTable(final Path file, final GroupSpec spec, final String secret, final String backend) throws IOException {
        final int indexCapacity = ProcessTableDescriptor.indexCapacity(spec.entries());
        final long total = ProcessTableDescriptor.totalLength(spec.entries(), indexCapacity);
        writeFile(file, new byte[0], spec);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileAllocation.allocate(ch, total);
            final UnsafeBuffer header = new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ProcessTableDescriptor.HEADER_LENGTH));
            header.putInt(ProcessTableDescriptor.VERSION_OFFSET, ProcessTableDescriptor.LAYOUT_VERSION);
            header.putInt(ProcessTableDescriptor.HEADER_LENGTH_OFFSET, ProcessTableDescriptor.HEADER_LENGTH);
            header.putInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET, spec.entries());
            header.putInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET, indexCapacity);
            header.putLong(ProcessTableDescriptor.TOTAL_LENGTH_OFFSET, total);
            header.putLong(ProcessTableDescriptor.CREATOR_PID_OFFSET, ProcessHandle.current().pid());
            header.putLong(ProcessTableDescriptor.CREATION_TIME_OFFSET, System.currentTimeMillis());
            final byte[] salt = GroupSecret.salt();
            header.putBytes(ProcessTableDescriptor.SECRET_SALT_OFFSET, salt);
            header.putBytes(ProcessTableDescriptor.SECRET_HASH_OFFSET, GroupSecret.hash(salt, secret));
            header.putBytes(ProcessTableDescriptor.BACKEND_OFFSET, backend.getBytes(StandardCharsets.US_ASCII));
            header.putLongVolatile(ProcessTableDescriptor.MAGIC_OFFSET, ProcessTableDescriptor.MAGIC);
        }
    }

    private static ProcessTable attachTable(final Path dir) {
        final Path tableFile = dir.resolve(GroupFileNames.TABLE);
        try (FileChannel ch = FileChannel.open(tableFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final long size = ch.size();
            if (size < ProcessTableDescriptor.HEADER_LENGTH || size > Integer.MAX_VALUE) {
                throw new TableCorruptException("process table " + tableFile + " is " + size + " bytes: truncated or not a table");
            }
            final MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
            final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
            validateTable(tableFile, buffer, size);
            return new ProcessTable(buffer);
        } catch (final NoSuchFileException e) {
            throw new UipcException("group " + dir + " has no process table (deleted or half-created)", e);
        } catch (final AccessDeniedException e) {
            throw new GroupAccessException("not allowed to attach group " + dir + ": permission denied on " + e.getFile());
        } catch (final IOException e) {
            throw new UipcException("cannot attach group " + dir + ": " + e, e);
        }
    }

    private static void validateTable(final Path file, final UnsafeBuffer header, final long size) {
        final long magic = header.getLongVolatile(ProcessTableDescriptor.MAGIC_OFFSET);
        if (magic != ProcessTableDescriptor.MAGIC) {
            throw new TableCorruptException(String.format("%s is not a uipc process table: magic 0x%016x, expected 0x%016x",
                file, magic, ProcessTableDescriptor.MAGIC));
        }
        final int version = header.getInt(ProcessTableDescriptor.VERSION_OFFSET);
        if (version != ProcessTableDescriptor.LAYOUT_VERSION) {
            throw new TableCorruptException("process table " + file + " has layout version " + version
                + "; this build reads version " + ProcessTableDescriptor.LAYOUT_VERSION);
        }
        final int headerLength = header.getInt(ProcessTableDescriptor.HEADER_LENGTH_OFFSET);
        final int entries = header.getInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET);
        final int index = header.getInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET);
        if (headerLength != ProcessTableDescriptor.HEADER_LENGTH || entries < 1 || entries > 1 << 20
            || index != ProcessTableDescriptor.indexCapacity(entries)) {
            throw new TableCorruptException("process table " + file + " has a corrupt header: header length " + headerLength
                + ", " + entries + " entries, " + index + " index cells");
        }
        final long expected = ProcessTableDescriptor.totalLength(entries, index);
        final long recorded = header.getLong(ProcessTableDescriptor.TOTAL_LENGTH_OFFSET);
        if (recorded != expected || size != expected) {
            throw new TableCorruptException("process table " + file + " has the wrong size: file " + size
                + " bytes, header says " + recorded + ", capacities imply " + expected);
        }
    }

    private static String backendName(final ProcessTable table) {
        final byte[] backendBytes = new byte[ProcessTableDescriptor.BACKEND_LENGTH];
        table.buffer().getBytes(ProcessTableDescriptor.BACKEND_OFFSET, backendBytes);
        return new String(backendBytes, StandardCharsets.US_ASCII).trim().replace("\0", "");
    }
}
