package io.uipc.testing;

import io.uipc.core.internal.ChildJvm;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM driven over a line protocol: the one driver of uipc's multi-process tests and of
 * the chaos run. The test writes command lines to the child's stdin and waits for lines the
 * child prints (stderr is merged into stdout); {@link CommandLoop} is the child's side. The
 * child is started through {@link ChildJvm} (this JVM's class path, uipc's JVM flags) with the
 * JVM options, environment and arguments its {@link JvmProcessBuilder} was given, such as a group
 * member's environment from {@link TempGroups#memberEnvironment}. It always ends:
 * {@link #close()} closes its stdin (children driven by {@link CommandLoop} exit on end of
 * input) and kills it if it has not exited within {@link #EXIT_GRACE}; a timed-out
 * {@link #expect} or {@link #waitFor} kills it at once.
 *
 * <p>Waiting never hangs and never sleeps: {@link #expect} blocks on the child's output with a
 * deadline, takes the first line with the expected prefix and leaves other lines for later
 * calls (a child may print replies and events from several threads), and fails with an
 * {@link AssertionError} that quotes the child's recent output when the deadline passes, the
 * child exits, or the child reports an {@value CommandLoop#ERROR} line first; when told of a
 * partner child it waits on, also as soon as the partner exits.
 */
public final class JvmProcess implements AutoCloseable {
    /** How long {@link #expect(String)} waits: generous, as the test machine may be loaded. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #close()} lets a child exit on its own before killing it. */
    public static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    /** JVM options for children unless a {@link JvmProcessBuilder} replaces them: small heap, no perf-data file. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    /** Lines of the child's output a failure quotes. */
    private static final int QUOTED_LINES = 60;
    /** Queued (by identity) when the child's output ends. */
    private static final String END_OF_OUTPUT = new String("<end of output>");
    /** Queued (by identity) when a partner of {@link #expect(String, Duration, JvmProcess)} exits: wakes the wait, never buffered. */
    private static final String PARTNER_EXITED = new String("<partner exited>");

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ChildOutput output;
    /** Lines read from {@link #lines} that no {@link #expect} or {@link #poll} has taken yet, in order; guarded by this. */
    private final List<String> unmatched = new ArrayList<>();
    /** Whether {@link #END_OF_OUTPUT} was read; guarded by this. */
    private boolean ended;
    /** Whether the last signal sent was SIGSTOP: such a child cannot exit on its own. */
    private volatile boolean stopped;

    JvmProcess(final String name, final Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.output = ChildOutput.read(name, process.getInputStream(), lines::add, END_OF_OUTPUT);
    }

    /**
     * Starts a child with {@link #DEFAULT_JVM_OPTIONS} and this JVM's environment.
     *
     * @param name      a name for messages
     * @param mainClass main class, on this JVM's class path
     * @param args      program arguments
     * @return the running child
     */
    public static JvmProcess start(final String name, final Class<?> mainClass, final String... args) {
        return builder(name, mainClass).args(args).start();
    }

    /**
     * Describes a child to start with other JVM options or environment variables.
     *
     * @param name      a name for messages
     * @param mainClass main class, on this JVM's class path
     * @return a builder with {@link #DEFAULT_JVM_OPTIONS}, this JVM's environment and no arguments
     */
    public static JvmProcessBuilder builder(final String name, final Class<?> mainClass) {
        return new JvmProcessBuilder(name, mainClass);
    }

    /**
     * The name for messages.
     *
     * @return the name given at start
     */
    public String name() {
        return name;
    }

    /**
     * The child's process id.
     *
     * @return the child's pid
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Whether the child is running.
     *
     * @return whether the child is running
     */
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
        return await(prefix, timeout, null);
    }

    /**
     * Takes the first line that starts with {@code prefix}, as {@link #expect(String, Duration)}
     * does, but fails as soon as {@code partner} exits first: for a child that waits on another
     * child (a benchmark's ping on its pong), which would otherwise wait out the timeout for a
     * partner that has died.
     *
     * @param prefix  the start of the expected line
     * @param timeout how long to wait
     * @param partner the child this one depends on
     * @return the line
     * @throws AssertionError as {@link #expect(String, Duration)} does, or, quoting the
     *     partner's recent output, if the partner exits before the line comes (this child is
     *     left running, for the caller to close)
     */
    public synchronized String expect(final String prefix, final Duration timeout, final JvmProcess partner) {
        partner.process.onExit().thenRun(() -> lines.add(PARTNER_EXITED));
        return await(prefix, timeout, partner);
    }

    /** The body of both {@code expect}s; {@code partner} is null when there is none. */
    private String await(final String prefix, final Duration timeout, final JvmProcess partner) {
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
            if (partner != null && !partner.isAlive()) {
                throw partner.failure("exited" + partner.exitStatus() + " while " + name + " waited for a line starting with '"
                    + prefix + "'");
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
            buffer(line);
        }
    }

    /**
     * Takes the first line the child has printed so far that starts with {@code prefix},
     * without waiting. After {@link #kill()} or {@link #waitFor}, "so far" is everything.
     *
     * @param prefix the start of the line
     * @return the line, or empty if the child has printed none (yet)
     */
    public synchronized Optional<String> poll(final String prefix) {
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            buffer(line);
        }
        for (int i = 0; i < unmatched.size(); i++) {
            if (unmatched.get(i).startsWith(prefix)) {
                return Optional.of(unmatched.remove(i));
            }
        }
        return Optional.empty();
    }

    private void buffer(final String line) {
        if (line == END_OF_OUTPUT) {
            ended = true;
        } else if (line != PARTNER_EXITED) {
            unmatched.add(line);
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
     * Waits for the child to exit on its own, and for the rest of its output.
     *
     * @param timeout how long to wait
     * @return the exit code
     * @throws AssertionError with the child's recent output if it is still running at the
     *     timeout (it is then killed)
     */
    public int waitFor(final Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill();
                throw failure("still running after " + timeout + "; child killed");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw failure("interrupted while waiting for it to exit");
        }
        output.awaitEnd(EXIT_GRACE);
        return process.exitValue();
    }

    /**
     * Kills the child (SIGKILL, as a crash would; a stopped child too) and waits until it is
     * gone and its output is read to the end.
     *
     * @return the exit code
     */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(DEFAULT_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw failure("did not exit within " + DEFAULT_TIMEOUT + " of being killed");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for it to exit");
        }
        stopped = false;
        output.awaitEnd(EXIT_GRACE);
        return process.exitValue();
    }

    /**
     * Sends the child a signal without waiting for its effect: {@link Signal#STOP} freezes it
     * (until {@link Signal#CONT}), {@link Signal#TERM} asks it to stop.
     *
     * @param signal the signal
     * @throws IllegalStateException if the child is gone
     */
    public void signal(final Signal signal) {
        signal.send(process.pid());
        if (signal == Signal.STOP || signal == Signal.CONT) {
            stopped = signal == Signal.STOP;
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

    /**
     * The child's whole output so far: after {@link #kill()} or {@link #waitFor}, all of it.
     *
     * @return everything the child has printed, one line per line
     */
    public String output() {
        return output.all();
    }

    private AssertionError failure(final String what) {
        return new AssertionError("child JVM " + name + " (pid " + process.pid() + ") " + what
            + System.lineSeparator() + "--- its last output ---" + System.lineSeparator() + output.last(QUOTED_LINES));
    }

    /**
     * Closes the child's stdin so it exits; kills it if it is still running after
     * {@link #EXIT_GRACE}, and at once if it is stopped.
     */
    @Override
    public void close() {
        if (stopped) {
            kill();
            return;
        }
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
