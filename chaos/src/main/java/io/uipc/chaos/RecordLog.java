package io.uipc.chaos;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An append-only text log written with one write(2) per record and no user-space buffer: a
 * SIGKILL loses at most the record being formatted, never one already written (the kernel's
 * page cache holds it). One writer thread per log.
 */
final class RecordLog implements AutoCloseable {
    private final FileOutputStream out;

    RecordLog(final Path file) {
        try {
            this.out = new FileOutputStream(file.toFile(), true);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open log " + file, e);
        }
    }

    void write(final String record) {
        try {
            out.write((record + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write log record", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot close log", e);
        }
    }
}
