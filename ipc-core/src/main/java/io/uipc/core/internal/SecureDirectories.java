package io.uipc.core.internal;

import io.uipc.core.UipcException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Opening directories for work relative to them (Linux's openat, fstatat, unlinkat), as deleting
 * a tree or a group does: a directory is entered by its name in its opened parent, never by a
 * path that another process could redirect between two steps, and never through a link.
 *
 * <p>A directory is opened as {@code NAME/.}: the trailing "." makes the kernel refuse anything
 * that is not a directory (ENOTDIR) instead of opening it, so a FIFO swapped in for a directory
 * fails at once rather than blocking the open until a writer comes. Since "." cannot carry
 * O_NOFOLLOW, the opened directory is then checked to be the very one that the name's own
 * attributes, read without following a link, describe.
 */
public final class SecureDirectories {
    private static final Path HERE = Path.of(".");

    private SecureDirectories() {
    }

    /**
     * Opens a directory by its path (links in the path are followed: it is the caller's path).
     *
     * @param dir a directory
     * @return the opened directory; close it
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws NotDirectoryException if it is not a directory
     * @throws IOException if it cannot be opened
     * @throws UipcException if this platform cannot open directories securely
     */
    public static SecureDirectoryStream<Path> open(final Path dir) throws IOException {
        return secure(Files.newDirectoryStream(dir.toAbsolutePath().resolve(HERE)), dir);
    }

    /**
     * Opens a subdirectory by its name in an opened directory, never through a link.
     *
     * @param parent     the opened directory
     * @param parentPath its path, for messages
     * @param name       the subdirectory's name (one path element)
     * @return the opened subdirectory; close it
     * @throws java.nio.file.NoSuchFileException if there is no such entry
     * @throws NotDirectoryException if the entry is not a directory (a link, a file, a FIFO)
     * @throws FileSystemException if the entry was replaced while being opened
     */
    public static SecureDirectoryStream<Path> openChild(final SecureDirectoryStream<Path> parent, final Path parentPath,
                                                        final String name) throws IOException {
        final Path path = parentPath.resolve(name);
        final BasicFileAttributes seen = attributes(parent, parentPath, name);
        if (!seen.isDirectory()) {
            throw new NotDirectoryException(path.toString());
        }
        final SecureDirectoryStream<Path> child;
        try {
            child = parent.newDirectoryStream(element(parentPath, name).resolve(HERE), LinkOption.NOFOLLOW_LINKS);
        } catch (final NotDirectoryException e) {
            throw new NotDirectoryException(path.toString());
        }
        if (!Objects.equals(key(child), seen.fileKey())) {
            child.close();
            throw new FileSystemException(path.toString(), null, "replaced while being opened; not entered");
        }
        return child;
    }

    /**
     * Reads an entry's attributes without following a link at its name.
     *
     * @param dir     an opened directory
     * @param dirPath its path, for checking the name
     * @param name    an entry's name (one path element)
     * @return its attributes
     * @throws java.nio.file.NoSuchFileException if there is no such entry
     * @throws IOException if they cannot be read
     */
    public static BasicFileAttributes attributes(final SecureDirectoryStream<Path> dir, final Path dirPath, final String name)
        throws IOException {
        return dir.getFileAttributeView(element(dirPath, name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .readAttributes();
    }

    /**
     * Identifies an opened directory.
     *
     * @param dir an opened directory
     * @return its file key (device and inode)
     * @throws IOException if its attributes cannot be read
     */
    public static Object key(final SecureDirectoryStream<Path> dir) throws IOException {
        return dir.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
    }

    /**
     * Lists an opened directory as it is now; may be called again to list it afresh.
     *
     * @param dir an opened directory
     * @return the names of its entries, without "." and ".."
     * @throws IOException if it cannot be listed
     */
    public static List<String> names(final SecureDirectoryStream<Path> dir) throws IOException {
        final List<String> names = new ArrayList<>();
        try (SecureDirectoryStream<Path> listing = dir.newDirectoryStream(HERE, LinkOption.NOFOLLOW_LINKS)) {
            for (final Path entry : listing) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    /**
     * Names one entry of a directory as a relative path of one element.
     *
     * @param dirPath the directory's path, for the message
     * @param name    the entry's name
     * @return the name as a path of one element
     * @throws IllegalArgumentException if it is not one plain element ("a/b", "..", "/x", "")
     */
    public static Path element(final Path dirPath, final String name) {
        final Path element = dirPath.getFileSystem().getPath(name);
        if (name.isEmpty() || name.indexOf('/') >= 0 || ".".equals(name) || "..".equals(name) || element.getNameCount() != 1) {
            throw new IllegalArgumentException("'" + name + "' is not a file name in " + dirPath);
        }
        return element;
    }

    private static SecureDirectoryStream<Path> secure(final DirectoryStream<Path> stream, final Path dir) throws IOException {
        if (stream instanceof SecureDirectoryStream) {
            return (SecureDirectoryStream<Path>) stream;
        }
        stream.close();
        throw new UipcException("cannot open " + dir + " as a secure directory stream (openat) on "
            + System.getProperty("os.name") + ": uipc needs Linux");
    }
}
