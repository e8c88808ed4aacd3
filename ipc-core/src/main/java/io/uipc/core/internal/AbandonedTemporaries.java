package io.uipc.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Removes what a creator killed between making a temporary name ({@link TemporaryNames}) and
 * renaming it left behind: a file {@link FilePublisher} was filling, its private staging
 * directory, a group directory being built. Nothing else would ever remove it: a group's
 * directory would keep it until destroyed (a staging directory with a file in it even stopped
 * the destroy), a root for good. A temporary name carries its creator's pid; the caller says
 * which pids live, since only it knows which it cannot see (another pid namespace). Everything
 * happens relative to the opened directory: an entry is unlinked as it is, a link or a FIFO as
 * itself, and a directory is emptied of the files directly in it, never descending further,
 * then removed. What cannot be removed (another user's private directory, a directory planted
 * inside) is left as it is, for its creator's user or root.
 */
public final class AbandonedTemporaries {
    private AbandonedTemporaries() {
    }

    /**
     * Lists the temporary names in a directory.
     *
     * @param dir an opened directory
     * @return the names {@link TemporaryNames#creating} made, of any creator, live or dead
     * @throws IOException if the directory cannot be listed
     */
    public static List<String> list(final SharedDirectory dir) throws IOException {
        final List<String> temporaries = new ArrayList<>();
        for (final String name : SecureDirectories.names(dir.directory)) {
            if (TemporaryNames.creatorPid(name) > 0) {
                temporaries.add(name);
            }
        }
        return temporaries;
    }

    /**
     * Removes the temporary names among {@code names} whose creator does not live.
     *
     * @param dir          the opened directory they were listed in
     * @param names        temporary names, as {@link #list} gave them
     * @param creatorLives tells whether the process of a pid lives
     * @return the names removed
     */
    public static List<String> remove(final SharedDirectory dir, final List<String> names, final LongPredicate creatorLives) {
        final List<String> removed = new ArrayList<>();
        for (final String name : names) {
            final long pid = TemporaryNames.creatorPid(name);
            if (pid > 0 && !creatorLives.test(pid) && remove(dir, name)) {
                removed.add(name);
            }
        }
        return removed;
    }

    private static boolean remove(final SharedDirectory dir, final String name) {
        try {
            removeEntry(dir.directory, dir.path, name);
            return true;
        } catch (final IOException e) {
            // gone meanwhile, another user's private directory, or a directory planted in it: left as it is
            return false;
        }
    }

    /**
     * Removes one entry under a temporary name as it is now, whoever made it: a staging
     * directory with the files directly in it, anything else (a link, a FIFO) as itself.
     *
     * @param parent     the opened directory it is in
     * @param parentPath that directory's path, for checking names
     * @param name       the entry's name
     * @throws java.nio.file.DirectoryNotEmptyException if a staging directory holds a directory
     *     (planted: never descended into)
     * @throws IOException if it cannot be removed
     */
    public static void removeEntry(final SecureDirectoryStream<Path> parent, final Path parentPath, final String name)
        throws IOException {
        final Path element = SecureDirectories.element(parentPath, name);
        if (SecureDirectories.attributes(parent, parentPath, name).isDirectory()) {
            final Path stagingPath = parentPath.resolve(name);
            try (SecureDirectoryStream<Path> staging = SecureDirectories.openChild(parent, parentPath, name)) {
                for (final String inside : SecureDirectories.names(staging)) {
                    if (!SecureDirectories.attributes(staging, stagingPath, inside).isDirectory()) {
                        staging.deleteFile(SecureDirectories.element(stagingPath, inside));
                    }
                }
            }
            parent.deleteDirectory(element);
        } else {
            parent.deleteFile(element);
        }
    }
}
