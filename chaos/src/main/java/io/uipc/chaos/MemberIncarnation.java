package io.uipc.chaos;

import io.uipc.core.internal.ChildJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One incarnation of a chaos member: a child JVM started through {@link ChildJvm}, its output
 * lines queued by a pump thread, commands written to its stdin, and the signals the driver
 * sends it (SIGKILL through {@link Process#destroyForcibly()}, SIGSTOP and SIGCONT through
 * {@code kill}).
 */
final class MemberProcess {
    private static final String EOF = "\u0000EOF";

    private final String name;
    private final int incarnation;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile String lastLines = "";
    private volatile long handle = -1;
    private boolean stopped;
    private boolean killed;

    private MemberProcess(final String name, final int incarnation, final Process process) {
        this.name = name;
        this.incarnation = incarnation;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        final Thread pump = new Thread(this::pump, "chaos-pump-" + name + "." + incarnation);
        pump.setDaemon(true);
        pump.start();
    }

    static MemberProcess start(final String name, final int incarnation, final Map<String, String> env, final List<String> jvmOptions,
                               final List<String> args) {
        final ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(ChildJvm.currentClassPath(), jvmOptions,
            ChaosMember.class.getName(), args));
        pb.redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            return new MemberProcess(name, incarnation, pb.start());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start chaos member " + name, e);
        }
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ready ")) {
                    handle = Long.parseLong(line.substring(6).trim());
                }
                lastLines = lastLines.length() > 4000 ? line : lastLines + "\n" + line;
                lines.add(line);
            }
        } catch (final IOException | NumberFormatException ignored) {
            // killed; EOF below
        }
        lines.add(EOF);
    }

    /**
     * @param prefix  the line's start
     * @param timeout longest wait
     * @return the line, or null if the child ended or the timeout passed first
     */
    String await(final String prefix, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            final String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.equals(EOF)) {
                lines.add(EOF);
                return null;
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    void command(final String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    void kill() throws InterruptedException {
        killed = true;
        process.destroyForcibly();
        process.waitFor();
        stopped = false;
    }

    void stop() {
        signal("-STOP");
        stopped = true;
    }

    void resume() {
        signal("-CONT");
        stopped = false;
    }

    private void signal(final String signal) {
        try {
            final Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (final IOException e) {
            throw new UncheckedIOException("kill " + signal + " " + process.pid() + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Continues it if stopped and kills it if alive: for teardown, whatever happened. */
    void destroy() throws InterruptedException {
        if (stopped) {
            resume();
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    boolean waitExit(final Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    int incarnation() {
        return incarnation;
    }

    /** @return the member handle it printed when ready, or -1 before */
    long handle() {
        return handle;
    }

    boolean isStopped() {
        return stopped;
    }

    boolean isKilled() {
        return killed;
    }

    String output() {
        return lastLines;
    }
}
