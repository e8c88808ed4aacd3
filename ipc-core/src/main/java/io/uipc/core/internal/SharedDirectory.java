package io.uipc.core.internal;

import io.uipc.core.UipcException;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one way uipc creates and attaches a shared file (an interrupt domain, a process table,
 * a lock file, an inbox): by a name relative to a directory opened once, never by a path.
 * A path is resolved again at every use, so a directory renamed or replaced between two steps
 * would send them to different files; every operation here acts on the same opened directory
 * (Linux's openat, fstatat, renameat), never follows a link at the file's name, and maps only
 * a regular file within its descriptor's size range. Checks on owners and modes belong here
 * too, so that every shared file gets them.
 *
 * <p>Creating builds the file under a unique temporary name in the same directory, allocates
 * every byte ({@link FileAllocation}), maps it, lets the descriptor fill it (magic last), and
 * only then renames it to its name: no one ever opens a half-written file.
 */
public final class SharedDirectory implements AutoCloseable {
    private static final Set<OpenOption> CREATE_OPTIONS = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> ATTACH_OPTIONS = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    private static final long PID = ProcessHandle.current().pid();

    private final Path path;
    private final SecureDirectoryStream<Path> directory;

    private SharedDirectory(final Path path, final SecureDirectoryStream<Path> directory) {
        this.path = path;
        this.directory = directory;
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
        return publish(name, length, access, fill, false);
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
        return publish(name, length, access, fill, true);
    }

    /**
     * Attaches a shared file: checks that it is a regular file (not a link) of a size its
     * descriptor allows, maps it read-write and validates it with the descriptor.
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
        try (FileChannel channel = openChecked(name, format)) {
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
     * @return the open channel, read-write; the caller closes it
     * @throws NoSuchFileException if there is no such file
     * @throws io.uipc.core.LayoutException the format's subtype, if a check fails
     * @throws IOException if it cannot be opened
     */
    public FileChannel openChannel(final String name, final SharedFileFormat format) throws IOException {
        return openChecked(name, format);
    }

    /**
     * Reads a file's attributes without following a link at its name.
     *
     * @param name a file's name in this directory
     * @return its POSIX attributes
     * @throws IOException if it cannot be read
     */
    public PosixFileAttributes attributes(final String name) throws IOException {
        return directory.getFileAttributeView(element(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .readAttributes();
    }

    private MappedByteBuffer publish(final String name, final long length, final FileAccess access,
                                     final Consumer<AtomicBuffer> fill, final boolean replace) throws IOException {
        if (length < 1 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(pathOf(name) + " of " + length + " bytes cannot be mapped: 1 to 2 GiB");
        }
        final Path target = element(name);
        final Path tmp = element("." + name + ".creating-" + PID + "-" + System.nanoTime());
        try {
            final MappedByteBuffer mapped;
            try (FileChannel channel = fileChannel(directory.newByteChannel(tmp, CREATE_OPTIONS,
                PosixFilePermissions.asFileAttribute(access.permissions())))) {
                applyAccess(tmp, access);
                FileAllocation.allocate(channel, length);
                mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            }
            fill.accept(new UnsafeBuffer(mapped));
            if (replace) {
                directory.move(tmp, directory, target);
            } else {
                moveToNewName(tmp, target, access);
            }
            return mapped;
        } catch (final Throwable t) {
            deleteQuietly(tmp);
            throw t;
        }
    }

    /**
     * A rename replaces what has the new name, so the name is first taken with an exclusive
     * create (which fails if it exists, even as a link) and the finished file renamed over it:
     * of two processes creating one name, exactly one succeeds. An attacher between the two
     * steps finds an empty file and fails as on a truncated one.
     */
    private void moveToNewName(final Path tmp, final Path target, final FileAccess access) throws IOException {
        directory.newByteChannel(target, CREATE_OPTIONS, PosixFilePermissions.asFileAttribute(access.permissions())).close();
        try {
            directory.move(tmp, directory, target);
        } catch (final Throwable t) {
            deleteQuietly(target);
            throw t;
        }
    }

    private void applyAccess(final Path file, final FileAccess access) throws IOException {
        final PosixFileAttributeView view = directory.getFileAttributeView(file, PosixFileAttributeView.class,
            LinkOption.NOFOLLOW_LINKS);
        view.setPermissions(access.permissions());
        if (access.group() != null && !view.readAttributes().group().equals(access.group())) {
            view.setGroup(access.group());
        }
    }

    private FileChannel openChecked(final String name, final SharedFileFormat format) throws IOException {
        final Path file = element(name);
        final BasicFileAttributes attributes = directory.getFileAttributeView(file, BasicFileAttributeView.class,
            LinkOption.NOFOLLOW_LINKS).readAttributes();
        if (!attributes.isRegularFile()) {
            throw format.error(format.kind() + " " + pathOf(name) + " is not a regular file but "
                + (attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory() ? "a directory" : "a special file")
                + ": refused");
        }
        final FileChannel channel = fileChannel(directory.newByteChannel(file, ATTACH_OPTIONS));
        try {
            final long size = channel.size();
            if (size < format.minLength()) {
                throw format.error(format.kind() + " " + pathOf(name) + " is truncated: " + size + " bytes, smaller than the "
                    + format.minLength() + "-byte header");
            }
            if (size > format.maxLength()) {
                throw format.error(format.kind() + " " + pathOf(name) + " is " + size + " bytes, larger than any valid "
                    + format.kind() + " (" + format.maxLength() + " bytes)");
            }
            return channel;
        } catch (final Throwable t) {
            channel.close();
            throw t;
        }
    }

    private static FileChannel fileChannel(final SeekableByteChannel channel) throws IOException {
        if (channel instanceof FileChannel) {
            return (FileChannel) channel;
        }
        channel.close();
        throw new IOException("the secure directory stream opened a " + channel.getClass().getName() + ", not a mappable FileChannel");
    }

    /**
     * Returns {@code name} as a path of one element, refusing anything that could leave this directory.
     *
     * @return {@code name} as a path of one element, refusing anything that could leave this directory
     */
    private Path element(final String name) {
        final Path element = path.getFileSystem().getPath(name);
        if (name.isEmpty() || element.getNameCount() != 1 || element.isAbsolute() || name.indexOf('/') >= 0
            || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a file name in " + path);
        }
        return element;
    }

    private void deleteQuietly(final Path file) {
        try {
            directory.deleteFile(file);
        } catch (final IOException ignored) {
            // gone already, or the directory with it; the failure that brought us here is what matters
        }
    }

    /** Closes the directory; files mapped through it stay mapped. */
    @Override
    public void close() throws IOException {
        directory.close();
    }
}
