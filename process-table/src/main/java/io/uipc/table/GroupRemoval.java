package io.uipc.table;

import io.uipc.core.UipcException;
import io.uipc.core.internal.AbandonedTemporaries;
import io.uipc.core.internal.SecureDirectories;
import io.uipc.core.internal.TemporaryNames;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Removes a group's directory (or a half-built one) and the files in it, relative to the
 * opened directory: the directory is entered by its name in its opened root, never through a
 * link, and every entry is unlinked by its name in it. A group directory holds only files that
 * uipc makes ({@link GroupFileNames}), so removal never descends further than a staging
 * directory a creator killed mid-creation left ({@link AbandonedTemporaries}): an entry is
 * unlinked as it is at that moment, a link as a link, whatever it replaced; an empty
 * subdirectory is removed, and one with something in it, which a member must have planted,
 * stops the removal, named, before any file is deleted. Nothing outside the group is ever touched.
 */
final class GroupRemoval implements AutoCloseable {
    /** How often the directory is listed again when files appear while it is being emptied. */
    private static final int ROUNDS = 3;

    private final Path dir;
    private final SecureDirectoryStream<Path> root;
    private final SecureDirectoryStream<Path> group;

    private GroupRemoval(final Path dir, final SecureDirectoryStream<Path> root, final SecureDirectoryStream<Path> group) {
        this.dir = dir;
        this.root = root;
        this.group = group;
    }

    /**
     * Opens a group's directory for removal.
     *
     * @param groupDir the directory
     * @return the opened directory; close it
     * @throws UipcException if there is none, or it is a link or not a directory (then nothing is touched)
     */
    static GroupRemoval open(final Path groupDir) {
        final Path dir = groupDir.toAbsolutePath();
        final Path rootPath = dir.getParent();
        SecureDirectoryStream<Path> root = null;
        try {
            root = SecureDirectories.open(rootPath);
            return new GroupRemoval(dir, root, SecureDirectories.openChild(root, rootPath, dir.getFileName().toString()));
        } catch (final NoSuchFileException e) {
            closeQuietly(root);
            throw new UipcException("no group at " + dir);
        } catch (final NotDirectoryException e) {
            closeQuietly(root);
            throw new UipcException(dir + " is not a group directory but " + kindOf(dir) + ": refused, nothing deleted");
        } catch (final IOException e) {
            closeQuietly(root);
            throw new UipcException("cannot open group directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything is deleted, a directory this process does not own: only a
     * group's owner may destroy it, even a member whose Unix group may write in it.
     *
     * @throws GroupAccessException if another user owns it
     */
    void checkOwner() {
        try {
            final Map<String, Object> byPath = Files.readAttributes(dir, "unix:uid,fileKey", LinkOption.NOFOLLOW_LINKS);
            if (!byPath.get("fileKey").equals(SecureDirectories.key(group))) {
                throw new UipcException("group directory " + dir + " was replaced while being destroyed: refused, nothing deleted");
            }
            final int owner = (Integer) byPath.get("uid");
            final int me = GroupFiles.Credentials.current().uid();
            if (owner != me) {
                final String name = group.getFileAttributeView(PosixFileAttributeView.class).readAttributes().owner().getName();
                throw new GroupAccessException("group directory " + dir + " is owned by " + name + " (uid " + owner
                    + "), not by this process (uid " + me + "): only its owner can destroy it; nothing deleted");
            }
        } catch (final IOException e) {
            throw new UipcException("cannot read the owner of " + dir + ": " + e, e);
        }
    }

    /**
     * Unlinks every entry of the directory, then the directory itself. Subdirectories go
     * first, so that a planted one that is not empty stops the removal before any of the
     * group's files is deleted.
     *
     * @param afterListing a test's hook, run after each listing and before anything listed is deleted
     * @return the names of the entries removed, sorted
     * @throws UipcException if something cannot be removed (the message names it and what was removed)
     */
    List<String> remove(final Runnable afterListing) {
        final TreeSet<String> removed = new TreeSet<>();
        for (int round = 1;; round++) {
            final List<String> names = list();
            afterListing.run();
            final List<String> planted = new ArrayList<>();
            for (final boolean directories : new boolean[] {true, false}) {
                for (final String name : names) {
                    unlink(name, directories, removed, planted);
                }
                if (!planted.isEmpty()) {
                    throw new UipcException("group directory " + dir + " holds " + String.join(", ", planted)
                        + ", not made by uipc: uipc does not look inside; remove it by hand and destroy again (removed so far: "
                        + removed(removed) + ")");
                }
            }
            try {
                root.deleteDirectory(SecureDirectories.element(dir.getParent(), dir.getFileName().toString()));
                return List.copyOf(removed);
            } catch (final NoSuchFileException e) {
                return List.copyOf(removed);
            } catch (final DirectoryNotEmptyException e) {
                if (round == ROUNDS) {
                    throw new UipcException("group directory " + dir + " keeps getting new files while being destroyed"
                        + " (is a member still running?); removed " + removed(removed));
                }
            } catch (final IOException e) {
                throw new UipcException("cannot remove group directory " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private List<String> list() {
        try {
            return SecureDirectories.names(group);
        } catch (final IOException e) {
            throw new UipcException("cannot list group directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Unlinks one entry as it is now, never following it, if it is of the kind wanted in this
     * pass: a directory only if it is empty (one that is not is noted as planted), anything
     * else, a link included, as itself.
     */
    private void unlink(final String name, final boolean directories, final TreeSet<String> removed, final List<String> planted) {
        final Path entry = SecureDirectories.element(dir, name);
        try {
            final boolean directory = SecureDirectories.attributes(group, dir, name).isDirectory();
            if (directory != directories) {
                return;
            }
            if (directory && TemporaryNames.creatorPid(name) > 0) {
                AbandonedTemporaries.removeEntry(group, dir, name);
            } else if (directory) {
                group.deleteDirectory(entry);
            } else {
                group.deleteFile(entry);
            }
            removed.add(name);
        } catch (final NoSuchFileException e) {
            // removed meanwhile, by a reaper or a member leaving
        } catch (final DirectoryNotEmptyException e) {
            planted.add("subdirectory '" + name + "'");
        } catch (final FileSystemException e) {
            throw new UipcException("cannot delete " + dir.resolve(name) + ": " + (e.getReason() != null ? e.getReason() : e)
                + " (removed so far: " + removed(removed) + ")", e);
        } catch (final IOException e) {
            throw new UipcException("cannot delete " + dir.resolve(name) + ": " + e, e);
        }
    }

    private static String removed(final TreeSet<String> removed) {
        return removed.isEmpty() ? "nothing" : String.join(", ", removed);
    }

    private static String kindOf(final Path path) {
        try {
            final BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isSymbolicLink() ? "a symbolic link" : a.isRegularFile() ? "a regular file" : "a special file";
        } catch (final IOException e) {
            return "something else (" + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(final SecureDirectoryStream<Path> stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (final IOException ignored) {
            // nothing was done through it
        }
    }

    /** Closes the opened group directory and its root. */
    @Override
    public void close() {
        closeQuietly(group);
        closeQuietly(root);
    }
}
