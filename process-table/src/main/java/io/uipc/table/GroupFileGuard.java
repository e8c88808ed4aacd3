package io.uipc.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Finds a group file deleted, truncated or replaced under this process, before anything touches
 * its mapping: a page of a mapping past the file's end faults (SIGBUS, which the JVM turns into
 * an {@code InternalError} in whichever thread touches it), and a file replaced under its name
 * splits the group (this process keeps the old one, newcomers attach the new one).
 *
 * <p>It remembers the identity (device and inode) and size of the table, the domain and the
 * lock file as they were when this process attached them, and {@link #check()} compares them
 * with what the group directory holds now: one {@code lstat} per file, on the liveness thread's
 * 200 ms period and on the slow paths that reap, never on a send or a poll. The identities are
 * read before the files are opened, so a file replaced while attaching is reported at the first
 * check rather than missed.
 */
final class GroupFileGuard {
    private static final String[] NAMES = {GroupFileNames.TABLE, GroupFileNames.DOMAIN, GroupFileNames.LOCKS};
    private static final String[] KINDS = {"process table", "interrupt domain", "lock file"};

    private final Path dir;
    private final Object[] keys = new Object[NAMES.length];
    private final long[] sizes = new long[NAMES.length];

    private GroupFileGuard(final Path dir) {
        this.dir = dir;
    }

    /**
     * Records the files' identities and sizes, before the files are attached. A file that
     * cannot be read now is recorded by {@link #completeAfterAttach()}.
     *
     * @param groupDir the group's directory
     * @return the guard
     */
    static GroupFileGuard beforeAttach(final Path groupDir) {
        final GroupFileGuard guard = new GroupFileGuard(groupDir.toAbsolutePath());
        guard.record();
        return guard;
    }

    /**
     * Records what {@link #beforeAttach} could not read (the attach, which succeeded, found the files).
     *
     * @return this guard
     */
    GroupFileGuard completeAfterAttach() {
        record();
        return this;
    }

    private void record() {
        for (int i = 0; i < NAMES.length; i++) {
            if (keys[i] == null) {
                try {
                    final BasicFileAttributes a = attributes(NAMES[i]);
                    keys[i] = a.fileKey();
                    sizes[i] = a.size();
                } catch (final IOException e) {
                    keys[i] = null;
                }
            }
        }
    }

    /**
     * Compares the group's files with what this process attached.
     *
     * @return null if they are as attached (or grew), else why not, one line naming the file:
     *     its directory or itself deleted, it replaced by another file, or it truncated
     */
    String check() {
        for (int i = 0; i < NAMES.length; i++) {
            final Path file = dir.resolve(NAMES[i]);
            final BasicFileAttributes now;
            try {
                now = attributes(NAMES[i]);
            } catch (final NoSuchFileException e) {
                return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? "its " + KINDS[i] + " " + file + " was deleted"
                    : "its group directory " + dir + " was deleted";
            } catch (final IOException e) {
                return "its " + KINDS[i] + " " + file + " can no longer be read: " + e.getMessage();
            }
            if (keys[i] != null && (!now.isRegularFile() || !Objects.equals(keys[i], now.fileKey()))) {
                return "its " + KINDS[i] + " " + file + " was replaced by another file (this process maps the old one)";
            }
            if (keys[i] != null && now.size() < sizes[i]) {
                return "its " + KINDS[i] + " " + file + " was truncated to " + now.size() + " bytes (" + sizes[i]
                    + " when attached)";
            }
        }
        return null;
    }

    private BasicFileAttributes attributes(final String name) throws IOException {
        return Files.readAttributes(dir.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
