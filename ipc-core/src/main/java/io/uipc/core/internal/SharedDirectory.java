package io.uipc.core.internal;

import io.uipc.core.UipcException;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one way uipc creates and attaches a shared file (an interrupt domain, a process table,
 * a lock file, an inbox): by a name relative to a directory opened once, never by a path.
 * A path is resolved again at every use, so a directory renamed or replaced between two steps
 * would send them to different files; every operation here acts on the same opened directory
 * (Linux's openat, fstatat, renameat), never follows a link at the file's name, and opens only
 * a regular file within its descriptor's size range and of the owner, mode and group a
 * {@link FileCheck} asks for, checked again after opening (a file swapped in between is refused).
 *
 * <p>Creating builds the file under a unique temporary name, with its final mode and group,
 * allocates every byte ({@link FileAllocation}), maps it, lets the descriptor fill it (magic
 * last), and only then renames it to its name: no one ever opens a half-written file
 * ({@link FilePublisher}).
 */
public final class SharedDirectory implements AutoCloseable {
    private static final Set<OpenOption> ATTACH_OPTIONS = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ_OPTIONS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    static volatile StepHook stepHook = temporary -> { };

    final Path path;
    final SecureDirectoryStream<Path> directory;

    private SharedDirectory(final Path path, final SecureDirectoryStream<Path> directory) {
        this.path = path;
        this.directory = directory;
    }

    /** A pause between creating a new file and setting its mode and group, for tests of races. */
    @FunctionalInterface
    public interface StepHook {
        /**
         * Runs once the temporary file exists, before its mode and group are set.
         *
         * @param temporary the temporary file, as this process named it
         */
        void created(Path temporary);
    }

    /**
     * Sets the pause between steps, for tests that play a hostile user at that moment.
     *
     * @param hook what runs there; a hook that does nothing restores the default
     */
    public static void stepHook(final StepHook hook) {
        stepHook = hook;
    }

    /**
     * Opens a directory for creating and attaching shared files in it.
     *
     * @param dir the directory
     * @return the opened directory; close it when done (files mapped through it stay mapped)
     * @throws NoSuchFileException if it does not exist
     * @throws IOException         if it cannot be opened
     * @throws UipcException       if this platform cannot open directories securely
     */
    public static SharedDirectory open(final Path dir) throws IOException {
        final Path absolute = dir.toAbsolutePath();
        final DirectoryStream<Path> stream = Files.newDirectoryStream(absolute);
        if (!(stream instanceof SecureDirectoryStream)) {
            stream.close();
            throw new UipcException("cannot open " + absolute + " as a secure directory stream (openat) on "
                + System.getProperty("os.name") + ": uipc needs Linux");
        }
        return new SharedDirectory(absolute, (SecureDirectoryStream<Path>) stream);
    }

    /**
     * Opens a subdirectory of this directory, refusing a link at its name.
     *
     * @param name the subdirectory's name (one path element)
     * @return the opened subdirectory
     * @throws NoSuchFileException if there is none
     * @throws java.nio.file.NotDirectoryException if it is not a directory
     * @throws IOException if it is a link or cannot be opened
     */
    public SharedDirectory openDirectory(final String name) throws IOException {
        return new SharedDirectory(pathOf(name), directory.newDirectoryStream(element(name), LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Creates a private subdirectory (mode 0700) exclusively and opens it, checking that what was
     * opened is the directory this process made.
     *
     * @param name the subdirectory's name (one path element)
     * @return the opened subdirectory
     * @throws java.nio.file.FileAlreadyExistsException if the name exists
     * @throws IOException if it cannot be made, or what has its name is not this user's private directory
     */
    public SharedDirectory createDirectory(final String name) throws IOException {
        Files.createDirectory(pathOf(name), PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        try {
            final SharedDirectory made = openDirectory(name);
            final PosixFileAttributes own = made.ownAttributes();
            if (!own.owner().equals(CurrentUser.principal()) || !PRIVATE_DIR.containsAll(own.permissions())) {
                made.close();
                throw new FileSystemException(pathOf(name).toString(), null, "replaced by another user's directory while being made");
            }
            return made;
        } catch (final IOException | RuntimeException e) {
            deleteDirectoryQuietly(name);
            throw e;
        }
    }

    /**
     * Renames a subdirectory to a name no entry has: the name is first taken with an exclusive
     * mkdir, then the subdirectory renamed over that empty placeholder, so of two processes
     * publishing one name exactly one succeeds.
     *
     * @param from the subdirectory's name now
     * @param to   its new name
     * @throws java.nio.file.FileAlreadyExistsException if the new name exists
     * @throws IOException if it cannot be renamed
     */
    public void moveDirectoryToNewName(final String from, final String to) throws IOException {
        Files.createDirectory(pathOf(to), PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
        try {
            directory.move(element(from), directory, element(to));
        } catch (final IOException | RuntimeException e) {
            deleteDirectoryQuietly(to);
            throw e;
        }
    }

    /**
     * Returns the directory's absolute path, as it was opened (for messages).
     *
     * @return the directory's absolute path, as it was opened (for messages)
     */
    public Path path() {
        return path;
    }

    /**
     * Names a file of this directory in messages.
     *
     * @param name a file name in this directory
     * @return its path as this directory was opened
     */
    public Path pathOf(final String name) {
        return path.resolve(name);
    }

    /**
     * Reads the opened directory's own attributes (fstat on it, whatever its path names now).
     *
     * @return its POSIX attributes
     * @throws IOException if they cannot be read
     */
    public PosixFileAttributes ownAttributes() throws IOException {
        return directory.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
    }

    /**
     * Reads the opened directory's owner and mode as numbers, the sticky bit included. Java reads
     * those only by path, so they are trusted only if the path still names the opened directory.
     *
     * @return its uid, gid and mode
     * @throws IOException if they cannot be read, or its path names another file by now
     */
    public DirectoryStatus status() throws IOException {
        final PosixFileAttributes own = ownAttributes();
        final Map<String, Object> unix = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        if (!own.fileKey().equals(unix.get("fileKey"))) {
            throw new FileSystemException(path.toString(), null, "replaced by another file while being checked");
        }
        return new DirectoryStatus((Integer) unix.get("uid"), (Integer) unix.get("gid"), (Integer) unix.get("mode") & 07777, own);
    }

    /**
     * Sets the opened directory's own mode and group (fchmod and fchown on it, never by path).
     *
     * @param access its mode bits and group (null keeps its group)
     * @throws IOException if they cannot be set
     */
    public void setOwnAccess(final FileAccess access) throws IOException {
        final PosixFileAttributeView view = directory.getFileAttributeView(PosixFileAttributeView.class);
        if (access.group() != null) {
            view.setGroup(access.group());
        }
        view.setPermissions(access.permissions());
    }

    /**
     * Creates a shared file atomically; fails if its name exists.
     *
     * @param name   the file's name in this directory (one path element)
     * @param length the file's length, fully allocated
     * @param access the file's mode and group, set before it appears under its name
     * @param fill   the descriptor's fill: writes a fresh header into the zeroed mapping, magic last
     * @return a read-write mapping of the whole new file
     * @throws java.nio.file.FileAlreadyExistsException if a file of that name exists
     * @throws IOException if it cannot be created (e.g. "No space left on device"); nothing is left behind
     */
    public MappedByteBuffer create(final String name, final long length, final FileAccess access,
                                   final Consumer<AtomicBuffer> fill) throws IOException {
        return FilePublisher.publish(this, name, length, access, fill, false);
    }

    /**
     * Creates a shared file atomically, replacing one of the same name (a stale file a dead
     * predecessor left): a process that mapped the old file keeps its mapping of it.
     *
     * @param name   the file's name in this directory (one path element)
     * @param length the file's length, fully allocated
     * @param access the file's mode and group, set before it appears under its name
     * @param fill   the descriptor's fill: writes a fresh header into the zeroed mapping, magic last
     * @return a read-write mapping of the whole new file
     * @throws IOException if it cannot be created; nothing is left behind
     */
    public MappedByteBuffer replace(final String name, final long length, final FileAccess access,
                                    final Consumer<AtomicBuffer> fill) throws IOException {
        return FilePublisher.publish(this, name, length, access, fill, true);
    }

    /**
     * Attaches a shared file with no owner or mode check ({@link FileCheck#ANY}).
     *
     * @param name      the file's name in this directory (one path element)
     * @param format    the file's descriptor's format
     * @param validator the descriptor's validate method
     * @return a read-write mapping of the whole file
     * @throws NoSuchFileException if there is no such file
     * @throws io.uipc.core.LayoutException the format's subtype, if a check fails
     * @throws IOException if it cannot be opened or mapped
     */
    public MappedByteBuffer attach(final String name, final SharedFileFormat format, final SharedFileFormat.Validator validator)
        throws IOException {
        return attach(name, format, validator, FileCheck.ANY);
    }

    /**
     * Attaches a shared file: checks that it is a regular file (not a link) of a size its
     * descriptor allows and of the owner, mode and group asked for, maps it read-write and
     * validates it with the descriptor.
     *
     * @param name      the file's name in this directory (one path element)
     * @param format    the file's descriptor's format
     * @param validator the descriptor's validate method
     * @param check     the owner, mode and group it must have
     * @return a read-write mapping of the whole file
     * @throws NoSuchFileException if there is no such file
     * @throws io.uipc.core.LayoutException the format's subtype, if a check fails
     * @throws IOException if it cannot be opened or mapped
     */
    public MappedByteBuffer attach(final String name, final SharedFileFormat format, final SharedFileFormat.Validator validator,
                                   final FileCheck check) throws IOException {
        try (FileChannel channel = CheckedOpen.open(this, name, format, check, ATTACH_OPTIONS)) {
            final long size = channel.size();
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            validator.validate(pathOf(name).toString(), new UnsafeBuffer(mapped), size);
            return mapped;
        }
    }

    /**
     * Opens a shared file that is used through its channel rather than mapped (the lock file,
     * whose byte ranges are locked): the checks {@link #attach} makes before it maps; the
     * caller validates the size against what it expects.
     *
     * @param name   the file's name in this directory (one path element)
     * @param format the file's descriptor's format
     * @param check  the owner, mode and group it must have
     * @return the open channel, read-write; the caller closes it
     * @throws NoSuchFileException if there is no such file
     * @throws io.uipc.core.LayoutException the format's subtype, if a check fails
     * @throws IOException if it cannot be opened
     */
    public FileChannel openChannel(final String name, final SharedFileFormat format, final FileCheck check) throws IOException {
        return CheckedOpen.open(this, name, format, check, ATTACH_OPTIONS);
    }

    /**
     * Reads a small file whole (a secret): checked as {@link #attach} checks before it opens
     * (so a FIFO, a device or a link is refused before it could block or stream forever), and
     * read up to the format's largest length, never more.
     *
     * @param name   the file's name in this directory (one path element)
     * @param format its format: kind, and the size range
     * @param check  the owner, mode and group it must have
     * @return its bytes
     * @throws NoSuchFileException if there is no such file
     * @throws io.uipc.core.LayoutException the format's subtype, if a check fails
     * @throws IOException if it cannot be read
     */
    public byte[] readSmall(final String name, final SharedFileFormat format, final FileCheck check) throws IOException {
        try (FileChannel channel = openForReading(name, format, check)) {
            final ByteBuffer bytes = ByteBuffer.allocate((int) format.maxLength() + 1);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                continue;
            }
            if (bytes.position() > format.maxLength()) {
                throw format.error(format.kind() + " " + pathOf(name) + " grew larger than " + format.maxLength() + " bytes: refused");
            }
            return Arrays.copyOf(bytes.array(), bytes.position());
        }
    }

    /**
     * Opens read-write where this user may (a FIFO swapped in after the check does not block an
     * open for writing too), else read-only.
     */
    private FileChannel openForReading(final String name, final SharedFileFormat format, final FileCheck check)
        throws IOException {
        try {
            return CheckedOpen.open(this, name, format, check, ATTACH_OPTIONS);
        } catch (final AccessDeniedException e) {
            return CheckedOpen.open(this, name, format, check, READ_OPTIONS);
        }
    }

    /**
     * Reads a file's attributes without following a link at its name.
     *
     * @param name a file's name in this directory
     * @return its POSIX attributes
     * @throws IOException if it cannot be read
     */
    public PosixFileAttributes attributes(final String name) throws IOException {
        return attributesOf(element(name));
    }

    PosixFileAttributes attributesOf(final Path element) throws IOException {
        return directory.getFileAttributeView(element, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
    }

    /**
     * Returns {@code name} as a path of one element, refusing anything that could leave this directory.
     *
     * @return {@code name} as a path of one element, refusing anything that could leave this directory
     */
    Path element(final String name) {
        final Path element = path.getFileSystem().getPath(name);
        if (name.isEmpty() || element.getNameCount() != 1 || element.isAbsolute() || name.indexOf('/') >= 0
            || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a file name in " + path);
        }
        return element;
    }

    void deleteQuietly(final Path file) {
        try {
            directory.deleteFile(file);
        } catch (final IOException ignored) {
            // gone already, or the directory with it; the failure that brought us here is what matters
        }
    }

    void deleteDirectoryQuietly(final String name) {
        try {
            directory.deleteDirectory(element(name));
        } catch (final IOException ignored) {
            // gone already, or not empty: someone renamed it and put another there; what brought us here matters
        }
    }

    /** Closes the directory; files mapped through it stay mapped. */
    @Override
    public void close() throws IOException {
        directory.close();
    }
}
