package io.uipc.core.testing;

import io.uipc.core.internal.ChildJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM driven over a line protocol, for multi-process tests: the test writes command
 * lines to the child's stdin and waits for lines the child prints (stderr is merged into
 * stdout). The child is started through {@link ChildJvm} (this JVM's class path, uipc's JVM
 * flags) and always destroyed: {@link #close()} closes its stdin (children driven by
 * {@link CommandLoop} exit on end of input) and kills it if it has not exited within
 * {@link #EXIT_GRACE}; a timed-out {@link #expect} kills it at once.
 *
 * <p>Waiting never hangs and never sleeps: {@link #expect} blocks on the child's output with a
 * deadline, takes the first line with the expected prefix and leaves other lines for later
 * calls (a child may print replies and events from several threads), and fails with an
 * {@link AssertionError} that quotes the child's recent output when the deadline passes, the
 * child exits, or the child reports an {@value CommandLoop#ERROR} line first.
 */
public final class JvmProcess implements AutoCloseable {
    /** How long {@link #expect(String)} waits: generous, as the test machine may be loaded. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #close()} lets a child exit on its own before killing it. */
    public static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    /** JVM options for children: small heap, no perf-data file. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private static final int RECENT_LINES = 60;
    /** Queued (by identity) when the child's output ends. */
    private static final String END_OF_OUTPUT = new String("<end of output>");

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    /** Lines read from {@link #lines} that no {@link #expect} has taken yet, in order. */
    private final List<String> unmatched = new ArrayList<>();
    private boolean ended;

    private JvmProcess(final String name, final Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        final Thread reader = new Thread(this::readOutput, "jvm-process-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child with {@link #DEFAULT_JVM_OPTIONS}.
     *
     * @param name      a name for messages
     * @param mainClass main class, on this JVM's class path
     * @param args      program arguments
     * @return the running child
     */
    public static JvmProcess start(final String name, final Class<?> mainClass, final String... args) {
        return start(name, DEFAULT_JVM_OPTIONS, mainClass, args);
    }

    /**
     * @param name       a name for messages
     * @param jvmOptions JVM options after uipc's flags
     * @param mainClass  main class, on this JVM's class path
     * @param args       program arguments
     * @return the running child
     */
    public static JvmProcess start(final String name, final List<String> jvmOptions, final Class<?> mainClass,
                                   final String... args) {
        final ProcessBuilder pb = new ProcessBuilder(
            ChildJvm.command(ChildJvm.currentClassPath(), jvmOptions, mainClass.getName(), List.of(args)));
        pb.redirectErrorStream(true);
        try {
            return new JvmProcess(name, pb.start());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start child JVM " + name + ": " + pb.command(), e);
        }
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (recent) {
                    if (recent.size() == RECENT_LINES) {
                        recent.removeFirst();
                    }
                    recent.addLast(line);
                }
                lines.add(line);
            }
        } catch (final IOException e) {
            lines.add("output stream failed: " + e);
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    /** @return the name given at start */
    public String name() {
        return name;
    }

    /** @return the child's pid */
    public long pid() {
        return process.pid();
    }

    /** @return whether the child is running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Writes one command line to the child's stdin.
     *
     * @param line the line, without a line terminator
     * @return this
     * @throws AssertionError if the child is gone
     */
    public JvmProcess send(final String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (final IOException e) {
            throw failure("cannot write '" + line + "' to its stdin (" + e.getMessage() + ")");
        }
        return this;
    }

    /**
     * Waits {@link #DEFAULT_TIMEOUT} for a line that starts with {@code prefix}; see
     * {@link #expect(String, Duration)}.
     *
     * @param prefix the start of the expected line
     * @return the line
     */
    public String expect(final String prefix) {
        return expect(prefix, DEFAULT_TIMEOUT);
    }

    /**
     * Takes the first line, in order of output, that starts with {@code prefix}. Lines that do
     * not match stay buffered for later calls, so replies and events the child prints from
     * different threads may interleave in any order.
     *
     * @param prefix  the start of the expected line
     * @param timeout how long to wait
     * @return the line
     * @throws AssertionError with the child's recent output if the timeout passes (the child
     *     is then killed), the child's output ends, or an error line comes first
     */
    public synchronized String expect(final String prefix, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        for (;;) {
            for (; scanned < unmatched.size(); scanned++) {
                final String line = unmatched.get(scanned);
                if (line.startsWith(prefix)) {
                    return unmatched.remove(scanned);
                }
                if (line.startsWith(CommandLoop.ERROR) && !prefix.startsWith(CommandLoop.ERROR)) {
                    unmatched.remove(scanned);
                    throw failure("reported an error while the test waited for '" + prefix + "': " + line);
                }
            }
            if (ended) {
                throw failure("output ended before a line starting with '" + prefix + "'" + exitStatus());
            }
            final String line;
            try {
                line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw failure("interrupted while waiting for a line starting with '" + prefix + "'");
            }
            if (line == null) {
                kill();
                throw failure("no line starting with '" + prefix + "' within " + timeout + "; child killed");
            }
            if (line == END_OF_OUTPUT) {
                ended = true;
            } else {
                unmatched.add(line);
            }
        }
    }

    /**
     * Sends a command and returns its reply: by {@link CommandLoop}'s convention, the line
     * that starts with the command's first word.
     *
     * @param command a command line
     * @return the reply's text after the command word and a space ("" if none)
     */
    public String call(final String command) {
        send(command);
        return reply(command);
    }

    /**
     * Waits for the reply to a command sent earlier with {@link #send(String)}.
     *
     * @param command the command line, or just its first word
     * @return the reply's text after the command word and a space ("" if none)
     */
    public String reply(final String command) {
        final String verb = command.split(" ", 2)[0];
        final String line = expect(verb);
        if (line.length() > verb.length() && line.charAt(verb.length()) != ' ') {
            throw failure("reply '" + line + "' does not answer '" + verb + "'");
        }
        return line.length() > verb.length() ? line.substring(verb.length() + 1) : "";
    }

    /**
     * Kills the child (SIGKILL, as a crash would) and waits until it is gone.
     *
     * @return the exit code
     */
    public int kill() {
        process.destroyForcibly();
        return waitForExit(DEFAULT_TIMEOUT);
    }

    private int waitForExit(final Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw failure("did not exit within " + timeout + " of being killed");
            }
            return process.exitValue();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for it to exit");
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS) ? " (exit code " + process.exitValue() + ")" : "";
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** @return the child's last output lines, oldest first, one per line */
    public String recentOutput() {
        synchronized (recent) {
            return String.join(System.lineSeparator(), recent);
        }
    }

    private AssertionError failure(final String what) {
        return new AssertionError("child JVM " + name + " (pid " + process.pid() + ") " + what
            + System.lineSeparator() + "--- its last output ---" + System.lineSeparator() + recentOutput());
    }

    /** Closes the child's stdin so it exits; kills it if it is still running after {@link #EXIT_GRACE}. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (final IOException ignored) {
            // the child already closed its end: it is exiting or gone
        }
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
