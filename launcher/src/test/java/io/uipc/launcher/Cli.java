package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.launcher.cli.LauncherUipcCommand;
import io.uipc.testing.Signal;
import io.uipc.testing.TempGroups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real {@code uipc} commands of the launcher ({@link LauncherUipcCommand} in a child JVM built by
 * {@link ChildJvm}, as bin/uipc runs the whole CLI) for end-to-end tests, each test under its own group root
 * ({@link TempGroups}). Unlike the child-JVM driver, {@link io.uipc.testing.JvmProcess}, it keeps
 * the CLI's stdout and stderr apart and matches lines anywhere in them, any number of times:
 * what a test of a command line asserts.
 */
public final class Cli implements AutoCloseable {
    /** The options bin/uipc gives the CLI's own JVM. */
    static final List<String> CLI_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    private final TempGroups groups;
    private final List<String> jvmOptions;
    private final List<Running> started = new ArrayList<>();

    /**
     * Makes the test's group root.
     *
     * @param name       the test's name, for the root's name
     * @param jvmOptions more options for the CLI's JVM (a small heap, say)
     */
    public Cli(final String name, final String... jvmOptions) {
        this.groups = new TempGroups(name);
        final List<String> options = new ArrayList<>(CLI_JVM_OPTIONS);
        options.addAll(CliClassArchive.options());
        options.addAll(List.of(jvmOptions));
        this.jvmOptions = List.copyOf(options);
    }

    /**
     * The test's group root.
     *
     * @return the root, for --dir
     */
    public Path root() {
        return groups.root();
    }

    /**
     * Starts the CLI.
     *
     * @param args command line; "--dir ROOT" is appended for commands that take it, unless given
     * @return the started CLI
     */
    public Running start(final String... args) {
        final List<String> full = new ArrayList<>(List.of(args));
        if (args.length > 0 && List.of("create", "destroy", "launch", "ps", "send", "reap", "rotate-secret", "ls", "stop", "top").contains(args[0]) && !full.contains("--dir")) {
            full.add("--dir");
            full.add(root().toString());
        }
        final ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(ChildJvm.currentClassPath(), jvmOptions,
            LauncherUipcCommand.class.getName(), full));
        try {
            final Running r = new Running(pb.start());
            started.add(r);
            return r;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the CLI to its end.
     *
     * @param args command line
     * @return the finished run
     * @throws InterruptedException if interrupted
     */
    public Running run(final String... args) throws InterruptedException {
        final Running r = start(args);
        r.awaitExit(Duration.ofSeconds(60));
        return r;
    }

    /**
     * What the test's commands left behind.
     *
     * @return the group directories left under the root
     */
    public List<Path> groupsLeft() {
        try (Stream<Path> s = Files.list(root())) {
            return s.toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills whatever a failed test left running (CLI JVMs and their members), then removes the root. */
    @Override
    public void close() {
        for (final Running r : started) {
            r.process.descendants().forEach(ProcessHandle::destroyForcibly);
            r.process.destroyForcibly();
        }
        groups.close();
    }

    /** A CLI process whose stdout and stderr are collected line by line. */
    public static final class Running {
        private final Process process;
        private final OutputLog out = new OutputLog();
        private final OutputLog err = new OutputLog();
        private final Thread outPump;
        private final Thread errPump;

        Running(final Process process) {
            this.process = process;
            this.outPump = pump(process.getInputStream(), out);
            this.errPump = pump(process.getErrorStream(), err);
        }

        private static Thread pump(final java.io.InputStream in, final OutputLog log) {
            final Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        log.add(line);
                    }
                } catch (final IOException e) {
                    log.add("(test: output lost: " + e + ")");
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        /**
         * The CLI's process id.
         *
         * @return the CLI's pid
         */
        public long pid() {
            return process.pid();
        }

        /**
         * Waits for the CLI to exit, and for the rest of its output.
         *
         * @param timeout how long
         * @return the exit code
         * @throws InterruptedException if interrupted
         */
        public int awaitExit(final Duration timeout) throws InterruptedException {
            assertTrue(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS), () -> "CLI still running; stdout: " + stdout());
            outPump.join(5_000);
            errPump.join(5_000);
            return process.exitValue();
        }

        /**
         * The exit code of a CLI that has exited.
         *
         * @return the exit code
         */
        public int exitCode() {
            return process.exitValue();
        }

        /**
         * Waits for a line of stdout.
         *
         * @param fragment text
         * @return the first stdout line containing it, within 30 s
         * @throws InterruptedException if interrupted
         */
        public String awaitLine(final String fragment) throws InterruptedException {
            return awaitLine(fragment, 1);
        }

        /**
         * Waits for the {@code n}th line of stdout with the same text.
         *
         * @param fragment text
         * @param n        how many lines must contain it
         * @return the {@code n}th stdout line containing it, within 30 s
         * @throws InterruptedException if interrupted
         */
        public String awaitLine(final String fragment, final int n) throws InterruptedException {
            return out.await(line -> line.contains(fragment), n, Duration.ofSeconds(30));
        }

        /**
         * Waits for a line of stderr.
         *
         * @param fragment text
         * @return the first stderr line containing it, within 30 s
         * @throws InterruptedException if interrupted
         */
        public String awaitErrLine(final String fragment) throws InterruptedException {
            return err.await(line -> line.contains(fragment), 1, Duration.ofSeconds(30));
        }

        /**
         * Waits for a member's line, as the launcher prints it.
         *
         * @param member   a member name
         * @param fragment text its output line must contain
         * @return the first line the launcher printed for that member containing it, within 30 s
         * @throws InterruptedException if interrupted
         */
        public String awaitMemberLine(final String member, final String fragment) throws InterruptedException {
            final java.util.regex.Pattern prefix = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(member) + " *\\| .*");
            return out.await(line -> prefix.matcher(line).matches() && line.contains(fragment), Duration.ofSeconds(30));
        }

        /**
         * Sends a signal to the CLI process, as a terminal or a service manager would.
         *
         * @param signal a {@link Signal}'s name, e.g. "INT", "TERM"
         */
        public void signal(final String signal) {
            Signal.valueOf(signal).send(process.pid());
        }

        /**
         * The CLI's stdout.
         *
         * @return stdout so far
         */
        public String stdout() {
            return String.join("\n", out.lines());
        }

        /**
         * The CLI's stderr.
         *
         * @return stderr so far
         */
        public String stderr() {
            return String.join("\n", err.lines());
        }

        /**
         * The CLI's stdout, line by line.
         *
         * @return stdout lines so far
         */
        public List<String> stdoutLines() {
            return out.lines();
        }

        @Override
        public String toString() {
            return "exit " + (process.isAlive() ? "(running)" : process.exitValue()) + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr();
        }
    }
}
