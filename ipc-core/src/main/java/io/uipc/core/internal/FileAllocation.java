package io.uipc.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Allocates a shared file's every byte before it is mapped. A sparse file (one byte written at
 * its end) gets its pages only when first touched, and on a full tmpfs such a touch, even a
 * read, is a SIGBUS that the JVM turns into an InternalError in whichever member touches first,
 * long after the file was created. Writing real zeros makes "No space left on device" an
 * IOException at creation instead, while nothing is shared yet.
 */
public final class FileAllocation {
    private static final int CHUNK = 64 * 1024;

    private FileAllocation() {
    }

    /**
     * Writes zeros over the file's whole length.
     *
     * @param channel a channel open for writing on a new, empty file
     * @param length  bytes to allocate
     * @throws IOException if the file system cannot hold them (e.g. "No space left on device")
     */
    public static void allocate(final FileChannel channel, final long length) throws IOException {
        final ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, length)));
        long at = 0;
        while (at < length) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), length - at));
            while (zeros.hasRemaining()) {
                at += channel.write(zeros, at);
            }
        }
    }
}
