package io.uipc.core.internal;

import java.nio.file.attribute.PosixFileAttributes;

/**
 * An opened directory's owner and mode as numbers, the sticky bit included (Java's POSIX view
 * leaves it out), with its POSIX attributes for names in messages.
 *
 * @param uid        the owner's uid
 * @param gid        the group's gid
 * @param mode       the mode bits, 07777
 * @param attributes its POSIX attributes, read from the opened directory
 */
public record DirectoryStatus(int uid, int gid, int mode, PosixFileAttributes attributes) {
    private static final int STICKY = 01000;
    private static final int WRITABLE_BY_OTHERS = 0022;

    /**
     * Tells whether users other than the owner may add, rename or remove entries.
     *
     * @return whether its group or everyone may write in it
     */
    public boolean writableByOthers() {
        return (mode & WRITABLE_BY_OTHERS) != 0;
    }

    /**
     * Tells whether only an entry's owner (and the directory's) may rename or remove it, as in /tmp.
     *
     * @return whether the sticky bit is set
     */
    public boolean sticky() {
        return (mode & STICKY) != 0;
    }

    /**
     * Describes the owner and mode for messages.
     *
     * @return e.g. "owner alice (uid 1001), mode 0777"
     */
    public String describe() {
        return "owner " + attributes.owner().getName() + " (uid " + uid + "), mode " + String.format("%04o", mode);
    }
}
