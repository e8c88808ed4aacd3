package io.uipc.launcher.metrics;

import io.uipc.core.UipcException;
import io.uipc.core.internal.TemporaryNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file the way node exporter's textfile collector needs it: the whole text to a
 * temporary file in the same directory, then renamed over the target, so a scrape never reads
 * half a file. A symbolic link at the target is refused (it would redirect the write), and the
 * temporary name starts with a dot and does not end in {@code .prom}, so the collector never
 * reads it.
 */
public final class TextfileOutput {
    private TextfileOutput() {
    }

    /**
     * Replaces {@code file} with {@code text} atomically.
     *
     * @param file the target
     * @param text its new content
     * @throws UipcException if the target is a symbolic link or not a regular file, or the write fails
     */
    public static void write(final Path file, final String text) {
        final Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            throw new UipcException("refusing to write " + file + ": it is a symbolic link");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UipcException("refusing to write " + file + ": it is not a regular file");
        }
        final Path temporary = target.resolveSibling(TemporaryNames.creating(target.getFileName().toString()));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (final IOException e) {
            throw new UipcException("cannot write " + file + ": " + e, e); // a name that existed is not ours to remove
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (final AtomicMoveNotSupportedException e) {
            removeTemporary(temporary);
            throw new UipcException("cannot write " + file + " atomically: " + e.getMessage(), e);
        } catch (final IOException e) {
            removeTemporary(temporary);
            throw new UipcException("cannot write " + file + ": " + e, e);
        }
    }

    /** Removes a temporary file a failed write left; a failure to remove it is not reported over the write's. */
    private static void removeTemporary(final Path temporary) {
        temporary.toFile().delete();
    }
}
