package io.uipc.benchmarks.pingpong;

import io.uipc.core.internal.ChildJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's handle on one {@link BenchPeer} JVM: starts it through {@link ChildJvm},
 * sends it command lines, waits for its replies, keeps the rest of its output for error
 * messages, and on close ends its standard input (it exits) and kills it if it lingers.
 */
final class PeerProcess implements AutoCloseable {
    private static final String END_OF_OUTPUT = "\0end";
    private static final int KEPT_OUTPUT_LINES = 60;
    private static final long POLL_MILLIS = 50;
    private static final long EXIT_WAIT_SECONDS = 5;

    private final Role role;
    private final Process process;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Deque<String> output = new ArrayDeque<>();

    private PeerProcess(final Role role, final Process process) {
        this.role = role;
        this.process = process;
        final Thread reader = new Thread(this::readOutput, "bench-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param role      which side
     * @param arguments {@link BenchPeer#arguments}
     * @return the started peer
     * @throws IOException if the JVM cannot be started
     */
    static PeerProcess start(final Role role, final List<String> arguments) throws IOException {
        return new PeerProcess(role, ChildJvm.processBuilder(BenchPeer.class, arguments.toArray(String[]::new)).start());
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(BenchPeer.READY) || line.startsWith(BenchPeer.RESULT)) {
                    replies.add(line);
                } else {
                    keep(line);
                }
            }
        } catch (final IOException e) {
            keep("(output unreadable: " + e + ")");
        }
        replies.add(END_OF_OUTPUT);
    }

    private void keep(final String line) {
        synchronized (output) {
            if (output.size() == KEPT_OUTPUT_LINES) {
                output.removeFirst();
            }
            output.addLast(line);
        }
    }

    /** @return the process id */
    long pid() {
        return process.pid();
    }

    /** @return whether the process is still running */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * @param line a command line for the peer
     * @throws IOException if the peer's standard input is closed
     */
    void tell(final String line) throws IOException {
        final OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * Waits for a reply, failing early if this peer or {@code partner} exits first.
     *
     * @param prefix        the reply word and its space
     * @param deadlineNanos {@link System#nanoTime()} deadline
     * @param partner       the other peer of the pair
     * @return the rest of the reply line
     * @throws BenchException on exit, another reply, or timeout
     * @throws InterruptedException if interrupted
     */
    String await(final String prefix, final long deadlineNanos, final PeerProcess partner) throws InterruptedException {
        for (;;) {
            final String line = replies.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (line != null) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
                throw failure(line.equals(END_OF_OUTPUT) ? "exited" : "replied '" + line + "'", "while expecting " + prefix.trim());
            }
            if (!partner.isAlive()) {
                throw partner.failure("exited", "while the " + name() + " waited for " + prefix.trim());
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw failure("timed out", "while expecting " + prefix.trim());
            }
        }
    }

    /**
     * @param what    what went wrong
     * @param context when
     * @return an exception naming this peer, its exit code and its last output
     */
    BenchException failure(final String what, final String context) {
        final StringBuilder sb = new StringBuilder("the ").append(name()).append(" JVM (pid ").append(pid()).append(") ")
            .append(what).append(' ').append(context);
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                sb.append(", exit code ").append(process.exitValue());
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (output) {
            if (!output.isEmpty()) {
                sb.append("; its output:");
                output.forEach(l -> sb.append("\n  ").append(l));
            }
        }
        return new BenchException(sb.toString());
    }

    private String name() {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Ends the peer's standard input, so it exits; kills it if it has not within a few seconds. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (final IOException e) {
            // already closed: the process is gone or going
        }
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
