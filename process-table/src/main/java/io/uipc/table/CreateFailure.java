package io.uipc.table;

import io.uipc.core.UipcException;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Says why creating a group failed, in one line. Two processes creating the same group race:
 * both find the name free, both build their files, and the loser's final rename of its
 * half-built directory onto the name fails, with "Directory not empty" as the kernel puts it
 * (a rename replaces an empty directory but not a full one). That, like any "file exists", means
 * the group already exists, and is said so.
 */
final class CreateFailure {
    private CreateFailure() {
    }

    /**
     * Describes a failed create.
     *
     * @param name the group's name
     * @param dir  the group's directory
     * @param e    what failed
     * @return "group 'NAME' already exists at DIR" if another creator got there first, else
     *     "cannot create group 'NAME' at DIR: " and the failure
     */
    static UipcException describe(final String name, final Path dir, final Exception e) {
        if (lostTheRace(dir, e)) {
            return new UipcException("group '" + name + "' already exists at " + dir, e);
        }
        return new UipcException("cannot create group '" + name + "' at " + dir + ": " + e.getMessage(), e);
    }

    private static boolean lostTheRace(final Path dir, final Exception e) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException) {
            return true;
        }
        // a rename names both files: the one that failed onto the group's name lost the race
        return e instanceof FileSystemException && ((FileSystemException) e).getOtherFile() != null
            && Path.of(((FileSystemException) e).getOtherFile()).endsWith(dir.getFileName());
    }
}
