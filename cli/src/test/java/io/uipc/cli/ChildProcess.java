package io.uipc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A child process started from an exact command line (no flags added, unlike test-support's
 * JvmProcess, which adds uipc's own), its output and error merged and collected by a thread.
 */
final class ChildProcess implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;
    private final String name;
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    private ChildProcess(final String name, final Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::pump, "output of " + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a command.
     *
     * @param name for messages
     * @param cmd  the command line
     * @return the running process
     * @throws IOException if it cannot be started
     */
    static ChildProcess start(final String name, final List<String> cmd) throws IOException {
        return new ChildProcess(name, new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (this) {
                    output.append(line).append('\n');
                    notifyAll();
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until a line of the output contains a fragment.
     *
     * @param fragment text to wait for
     * @throws InterruptedException if interrupted
     */
    synchronized void awaitLine(final String fragment) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!output.toString().contains(fragment)) {
            final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                fail(name + " never printed '" + fragment + "'; output:\n" + output);
            }
            wait(Math.min(left, 100));
        }
    }

    /**
     * Waits for the process to exit and its output to be read.
     *
     * @return its exit code
     * @throws InterruptedException if interrupted
     */
    int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), () -> name + " still running; output:\n" + output());
        reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        return process.exitValue();
    }

    /** @return what it printed so far */
    synchronized String output() {
        return output.toString();
    }

    /** Kills it if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
