package io.uipc.launcher.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the text of a spec file: a regular file (a FIFO or a device would block or never end) of at
 * most {@link #MAX_BYTES}, in UTF-8 (a leading byte order mark is dropped). Every failure is one
 * {@link SpecException} naming the file, and the line and column of a byte that is not UTF-8.
 */
public final class SpecFile {
    /** The largest spec file: a hand-written spec is a few kilobytes. */
    static final int MAX_BYTES = 1 << 20;
    private static final char BOM = '\uFEFF';

    private SpecFile() {
    }

    /**
     * Reads a spec file's text.
     *
     * @param file the spec file
     * @return its text
     * @throws SpecException if it is missing, unreadable, not a regular file, too large or not UTF-8
     */
    public static String read(final Path file) {
        final String name = file.toString();
        final byte[] bytes;
        try {
            final BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new SpecException(name, 0, null, "not a regular file (" + (attributes.isDirectory() ? "a directory"
                    : "a FIFO, socket or device") + "): give the path of a spec file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (final IOException e) {
            throw new SpecException(name, 0, null, reason(file, e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new SpecException(name, 0, null, bytes.length + " bytes: a spec file is at most " + MAX_BYTES + " bytes");
        }
        final String text = decode(name, bytes);
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static String reason(final Path file, final IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such spec file";
        }
        if (e instanceof AccessDeniedException) {
            final String denied = ((AccessDeniedException) e).getFile();
            return "cannot read the spec file: permission denied" + (denied == null || denied.equals(file.toString()) ? "" : " on " + denied);
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return "cannot read the spec file: " + ((FileSystemException) e).getReason();
        }
        return "cannot read the spec file: " + e;
    }

    private static String decode(final String name, final byte[] bytes) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            final int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new SpecException(name, line, null, String.format("not valid UTF-8 (byte 0x%02x at column %d): save the spec as UTF-8",
                at < bytes.length ? bytes[at] & 0xFF : 0, at - lineStart + 1));
        }
        return out.flip().toString();
    }
}
