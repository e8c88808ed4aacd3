package io.uipc.table.testing;

import io.uipc.core.internal.ChildJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM (spawned through {@link ChildJvm}) whose output lines a test waits for: the test
 * synchronises on what the child prints, never on sleeps. Closing kills it if still running.
 */
public final class ChildProcess implements AutoCloseable {
    private static final String EOF = "\u0000EOF";

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = java.util.Collections.synchronizedList(new ArrayList<>());

    private ChildProcess(final String name, final Process process) {
        this.name = name;
        this.process = process;
        final Thread reader = new Thread(this::pump, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param name label for diagnostics
     * @param main main class, on this JVM's class path
     * @param env  variables added to the child's environment
     * @param args program arguments
     * @return the started child
     */
    public static ChildProcess start(final String name, final Class<?> main, final Map<String, String> env, final String... args) {
        final ProcessBuilder pb = ChildJvm.processBuilder(main, args);
        pb.environment().putAll(env);
        try {
            return new ChildProcess(name, pb.start());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start child " + name, e);
        }
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                transcript.add(line);
                lines.add(line);
            }
        } catch (final IOException ignored) {
            // the child was killed; EOF below
        }
        lines.add(EOF);
    }

    /**
     * Waits for the next line starting with {@code prefix}, skipping others.
     *
     * @param prefix  what the line starts with
     * @param timeout longest wait
     * @return the line
     * @throws AssertionError if the child exits or the timeout passes first, with its output
     */
    public String expect(final String prefix, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (;;) {
                final String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("child " + name + " printed no line starting '" + prefix + "' within " + timeout
                        + "; output:\n" + output());
                }
                if (line.equals(EOF)) {
                    lines.add(EOF);
                    throw new AssertionError("child " + name + " ended before printing '" + prefix + "'; output:\n" + output());
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for child " + name, e);
        }
    }

    /**
     * @param timeout longest wait
     * @return the exit code
     * @throws AssertionError if the child is still running at the timeout
     */
    public int waitFor(final Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("child " + name + " still running after " + timeout + "; output:\n" + output());
            }
            return process.exitValue();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for child " + name, e);
        }
    }

    /** Kills the child with SIGKILL and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the child's pid */
    public long pid() {
        return process.pid();
    }

    /** @return everything the child printed so far */
    public String output() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
