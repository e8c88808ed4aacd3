package io.uipc.core.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * Removing a directory tree, as the demo, the benchmarks, the chaos run and the tests do.
 * Every step acts relative to an opened directory ({@link SecureDirectories}): a directory is
 * entered by its name in its opened parent, and only if that name is a real directory at that
 * moment, and every entry is deleted by its name in the directory that was listed. A directory
 * swapped for a link between listing and deleting is therefore never followed: the link itself
 * is deleted, and nothing outside the tree is touched. Another process may be removing the
 * same files at the same time (a reaper, a launcher): a file or directory that vanishes
 * meanwhile is not an error.
 */
public final class FileTrees {
    private static final Consumer<Path> NO_PAUSE = dir -> { };

    private FileTrees() {
    }

    /**
     * Deletes {@code root} and everything under it, deepest first; nothing if it does not exist.
     * Symbolic links are deleted, never followed, even if they replace a directory meanwhile.
     *
     * @param root a file or directory
     * @throws IOException if something under it cannot be deleted (the message names it)
     */
    public static void delete(final Path root) throws IOException {
        delete(root, NO_PAUSE);
    }

    /**
     * Deletes a tree, calling a test's hook after listing each directory and before deleting
     * anything in it: the moment another process could swap an entry.
     *
     * @param root         a file or directory
     * @param afterListing called with each directory's path once it has been listed
     * @throws IOException if something under it cannot be deleted
     */
    static void delete(final Path root, final Consumer<Path> afterListing) throws IOException {
        final Path absolute = root.toAbsolutePath();
        final BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (final NoSuchFileException e) {
            return;
        }
        final Path parent = absolute.getParent();
        if (!attributes.isDirectory() || parent == null) {
            Files.deleteIfExists(absolute);
            return;
        }
        try (SecureDirectoryStream<Path> opened = SecureDirectories.open(parent)) {
            deleteDirectory(opened, parent, absolute.getFileName().toString(), afterListing);
        }
    }

    private static void deleteDirectory(final SecureDirectoryStream<Path> parent, final Path parentPath, final String name,
                                        final Consumer<Path> afterListing) throws IOException {
        final Path path = parentPath.resolve(name);
        try (SecureDirectoryStream<Path> dir = SecureDirectories.openChild(parent, parentPath, name)) {
            final Iterable<String> names = SecureDirectories.names(dir);
            afterListing.accept(path);
            for (final String entry : names) {
                deleteEntry(dir, path, entry, afterListing);
            }
        } catch (final NoSuchFileException e) {
            return;
        } catch (final FileSystemException e) {
            throw failure(path, e);
        }
        try {
            parent.deleteDirectory(SecureDirectories.element(parentPath, name));
        } catch (final NoSuchFileException e) {
            // removed meanwhile by another process
        } catch (final FileSystemException e) {
            deleteReplacement(parent, parentPath, name, e);
        }
    }

    /**
     * A directory whose contents were deleted but whose name now holds a link or a file
     * (swapped in meanwhile): that is deleted instead, itself, never followed.
     */
    private static void deleteReplacement(final SecureDirectoryStream<Path> parent, final Path parentPath, final String name,
                                          final FileSystemException failure) throws IOException {
        final BasicFileAttributes now;
        try {
            now = SecureDirectories.attributes(parent, parentPath, name);
        } catch (final NoSuchFileException e) {
            return;
        }
        if (now.isDirectory()) {
            throw failure(parentPath.resolve(name), failure);
        }
        deleteEntry(parent, parentPath, name, NO_PAUSE);
    }

    private static void deleteEntry(final SecureDirectoryStream<Path> dir, final Path dirPath, final String name,
                                    final Consumer<Path> afterListing) throws IOException {
        final BasicFileAttributes attributes;
        try {
            attributes = SecureDirectories.attributes(dir, dirPath, name);
        } catch (final NoSuchFileException e) {
            return;
        }
        if (attributes.isDirectory()) {
            deleteDirectory(dir, dirPath, name, afterListing);
            return;
        }
        try {
            dir.deleteFile(SecureDirectories.element(dirPath, name));
        } catch (final NoSuchFileException e) {
            // removed meanwhile by another process
        } catch (final FileSystemException e) {
            throw failure(dirPath.resolve(name), e);
        }
    }

    /** Names the full path: a relative operation's exception names only the entry. */
    private static FileSystemException failure(final Path path, final FileSystemException e) {
        if (e.getFile() != null && e.getFile().startsWith("/")) {
            return e;
        }
        final FileSystemException named = new FileSystemException(path.toString(), null,
            e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        named.initCause(e);
        return named;
    }
}
