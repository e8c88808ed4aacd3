package io.uipc.launcher.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The controlling terminal of a full-screen command: whether stdout is one, its size, and cbreak
 * mode (keys arrive one at a time, unechoed) set and restored through {@code stty} on
 * {@code /dev/tty}. The mode is restored on {@link #close()} and, for Ctrl-C or a kill, by a
 * shutdown hook.
 */
final class Terminal implements AutoCloseable {
    private static final File TTY = new File("/dev/tty");
    private static final int DEFAULT_COLUMNS = 80;
    private static final int DEFAULT_ROWS = 24;
    private static final int STDOUT = 1;
    private static final String SHOW_CURSOR = "\033[?25h";
    private static final String HIDE_CURSOR = "\033[?25l";

    private final String saved;
    private final AtomicBoolean restored = new AtomicBoolean();
    private final Thread hook = new Thread(this::restore, "terminal-restore");

    /** The one libc call needed here. */
    private interface LibC extends Library {
        int isatty(int fd);
    }

    private Terminal(final String saved) {
        this.saved = saved;
    }

    /**
     * Tells whether stdout is a terminal.
     *
     * @return whether it is
     */
    static boolean stdoutIsTerminal() {
        return Native.load(Platform.C_LIBRARY_NAME, LibC.class).isatty(STDOUT) == 1;
    }

    /**
     * Puts the controlling terminal into cbreak mode, hides the cursor, and reads keys.
     *
     * @param onKey called with each key typed, on a daemon thread
     * @return the terminal, to restore with {@link #close()}
     * @throws IOException if there is no controlling terminal or stty fails
     */
    static Terminal cbreak(final IntConsumer onKey) throws IOException {
        final Terminal t = new Terminal(stty("-g").trim());
        try {
            Runtime.getRuntime().addShutdownHook(t.hook);
        } catch (final IllegalStateException e) {
            throw new IOException("the JVM is shutting down (Ctrl-C while starting)", e);
        }
        stty("-icanon", "-echo", "min", "1", "time", "0");
        System.out.print(HIDE_CURSOR);
        final Thread reader = new Thread(() -> {
            try (InputStream in = new FileInputStream(TTY)) {
                for (int c = in.read(); c >= 0; c = in.read()) {
                    onKey.accept(c);
                }
            } catch (final IOException e) {
                onKey.accept(-1);
            }
        }, "terminal-keys");
        reader.setDaemon(true);
        reader.start();
        return t;
    }

    /**
     * Measures the terminal: {@code COLUMNS} and {@code LINES} if set, else {@code stty size}, else 80 by 24.
     *
     * @return {columns, rows}
     */
    int[] size() {
        int columns = number(System.getenv("COLUMNS"));
        int rows = number(System.getenv("LINES"));
        if (columns <= 0 || rows <= 0) {
            try {
                final String[] size = stty("size").trim().split("\\s+");
                rows = rows > 0 ? rows : number(size[0]);
                columns = columns > 0 ? columns : number(size[1]);
            } catch (final IOException | ArrayIndexOutOfBoundsException e) {
                // no terminal to ask: the defaults below
            }
        }
        return new int[] {columns > 0 ? columns : DEFAULT_COLUMNS, rows > 0 ? rows : DEFAULT_ROWS};
    }

    private static int number(final String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.trim());
        } catch (final NumberFormatException e) {
            return -1;
        }
    }

    private static String stty(final String... args) throws IOException {
        final String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        final Process p = new ProcessBuilder(command).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("stty " + String.join(" ", args) + " failed");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running stty", e);
        }
        return out;
    }

    private void restore() {
        if (restored.compareAndSet(false, true)) {
            System.out.print(SHOW_CURSOR);
            System.out.flush();
            try {
                stty(saved);
            } catch (final IOException e) {
                System.err.println("uipc: could not restore the terminal (run 'stty sane'): " + e.getMessage());
            }
        }
    }

    /** Restores the terminal's mode and cursor. */
    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (final IllegalStateException e) {
            // already shutting down: the hook restores, and restore() runs once
        }
    }
}
