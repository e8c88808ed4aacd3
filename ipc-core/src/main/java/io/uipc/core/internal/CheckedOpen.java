package io.uipc.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;

/**
 * How {@link SharedDirectory} opens an existing file: its attributes read without following a
 * link, checked (a regular file, the {@link FileCheck}'s owner, mode and group, the format's
 * size range) before it is opened, so a FIFO or device never blocks or streams; opened without
 * following a link; and its identity read again afterwards, so a file swapped in between the
 * check and the open is refused.
 */
final class CheckedOpen {
    private CheckedOpen() {
    }

    static FileChannel open(final SharedDirectory dir, final String name, final SharedFileFormat format, final FileCheck check,
                            final Set<OpenOption> options) throws IOException {
        final Path file = dir.element(name);
        final PosixFileAttributes before = dir.attributesOf(file);
        if (!before.isRegularFile()) {
            throw format.error(format.kind() + " " + dir.pathOf(name) + " is not a regular file but "
                + (before.isSymbolicLink() ? "a symbolic link" : before.isDirectory() ? "a directory" : "a FIFO, socket or device")
                + ": refused");
        }
        final String mismatch = check.mismatch(before);
        if (mismatch != null) {
            throw format.error(format.kind() + " " + dir.pathOf(name) + " " + mismatch + ": refused");
        }
        checkSize(dir, name, format, before.size());
        final FileChannel channel = FilePublisher.fileChannel(dir.directory.newByteChannel(file, options));
        try {
            checkSize(dir, name, format, channel.size());
            if (!before.fileKey().equals(dir.attributesOf(file).fileKey())) {
                throw format.error(format.kind() + " " + dir.pathOf(name) + " was replaced while being opened: refused");
            }
            return channel;
        } catch (final Throwable t) {
            channel.close();
            throw t;
        }
    }

    private static void checkSize(final SharedDirectory dir, final String name, final SharedFileFormat format, final long size) {
        if (size < format.minLength()) {
            throw format.error(format.kind() + " " + dir.pathOf(name) + " is truncated: " + size + " bytes, smaller than the "
                + format.minLength() + "-byte header");
        }
        if (size > format.maxLength()) {
            throw format.error(format.kind() + " " + dir.pathOf(name) + " is " + size + " bytes, larger than any valid "
                + format.kind() + " (" + format.maxLength() + " bytes)");
        }
    }
}
