package io.uipc.core.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Sets a directory's mode with the bits Java's POSIX view cannot set (the sticky bit of a shared
 * root like /tmp), on the directory itself: opened without following a link (libc open with
 * O_NOFOLLOW and O_DIRECTORY, then fchmod on that descriptor), so a link planted at its name
 * makes it fail instead of changing another file.
 */
public final class DirectoryModes {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 02000000;
    private static final int O_DIRECTORY;
    private static final int O_NOFOLLOW;

    static {
        if (Platform.isARM()) {
            O_DIRECTORY = 040000;
            O_NOFOLLOW = 0100000;
        } else {
            O_DIRECTORY = 0200000;
            O_NOFOLLOW = 0400000;
        }
        Native.register(DirectoryModes.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private DirectoryModes() {
    }

    private static native int open(String path, int flags) throws LastErrorException;

    private static native int fchmod(int fd, int mode) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    /**
     * Sets a directory's mode exactly, the umask aside.
     *
     * @param dir  the directory; a link at its name is refused
     * @param mode the mode bits, such as 01777
     * @throws IOException if it cannot be opened as a directory or its mode set
     */
    public static void set(final Path dir, final int mode) throws IOException {
        final int fd;
        try {
            fd = open(dir.toString(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        } catch (final LastErrorException e) {
            throw new IOException("cannot open " + dir + " as a directory: " + e.getMessage(), e);
        }
        try {
            fchmod(fd, mode);
        } catch (final LastErrorException e) {
            throw new IOException("cannot set the mode of " + dir + " to " + Integer.toOctalString(mode) + ": " + e.getMessage(), e);
        } finally {
            close(fd);
        }
    }
}
