package io.uipc.launcher.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A private tmux server (its own socket, no configuration file) with one detached session: a
 * real terminal for tests of full-screen commands. Keys are sent and the pane captured as text.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final String session;

    private Tmux(final String socket, final String session) {
        this.socket = socket;
        this.session = session;
    }

    /**
     * Tells whether tmux is installed.
     *
     * @return whether {@code tmux -V} runs
     */
    static boolean installed() {
        try {
            final Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (final IOException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts a session running a shell command in a terminal of a given size.
     *
     * @param columns the terminal's width
     * @param rows    its height
     * @param command a shell command
     * @return the session
     */
    static Tmux start(final int columns, final int rows, final String command) {
        final Tmux t = new Tmux("uipc-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), "top");
        t.run("new-session", "-d", "-s", t.session, "-x", Integer.toString(columns), "-y", Integer.toString(rows), command);
        return t;
    }

    /**
     * Types keys.
     *
     * @param keys tmux key names, e.g. "q" or "C-c"
     */
    void sendKeys(final String... keys) {
        final List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(new String[0]));
    }

    /**
     * Captures the visible pane.
     *
     * @param context what to add to the failure if the session is gone
     * @return its text, one line per row
     */
    String capture(final Supplier<String> context) {
        return run(context, "capture-pane", "-p", "-t", session);
    }

    private String run(final String... args) {
        return run(() -> "", args);
    }

    private String run(final Supplier<String> context, final String... args) {
        final List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        try {
            final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "tmux hangs: " + command);
            assertEquals(0, p.exitValue(), () -> command + ": " + out + context.get());
            return out;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the server and whatever still runs in it. */
    @Override
    public void close() {
        try {
            final Process p = new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
