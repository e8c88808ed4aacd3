package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.core.internal.FileTrees;
import io.uipc.launcher.cli.LauncherUipcCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real {@code uipc} commands of the launcher ({@link LauncherUipcCommand} in a child JVM
 * built by {@link ChildJvm}, as bin/uipc runs the whole CLI) for end-to-end tests, each test under
 * its own group root.
 */
public final class Cli implements AutoCloseable {
    /** The options bin/uipc gives the CLI's own JVM. */
    private static final List<String> CLI_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    private final Path root;
    private final List<Running> started = new ArrayList<>();

    /** @param name a unique name for the test's group root under /dev/shm */
    public Cli(final String name) {
        this.root = Paths.get("/dev/shm", "uipc-test-" + ProcessHandle.current().pid() + "-" + name);
        try {
            Files.createDirectories(root);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the group root, for --dir */
    public Path root() {
        return root;
    }

    /**
     * @param args command line; "--dir ROOT" is appended for commands that take it, unless given
     * @return the started CLI
     */
    public Running start(final String... args) {
        final List<String> full = new ArrayList<>(List.of(args));
        if (args.length > 0 && List.of("create", "destroy", "launch", "ps", "send").contains(args[0]) && !full.contains("--dir")) {
            full.add("--dir");
            full.add(root.toString());
        }
        final ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(ChildJvm.currentClassPath(), CLI_JVM_OPTIONS,
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
     * @param args command line
     * @return the finished run
     * @throws InterruptedException if interrupted
     */
    public Running run(final String... args) throws InterruptedException {
        final Running r = start(args);
        r.awaitExit(Duration.ofSeconds(60));
        return r;
    }

    /** @return the group directories left under the root */
    public List<Path> groupsLeft() {
        try (Stream<Path> s = Files.list(root)) {
            return s.toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills whatever a failed test left running (CLI JVMs and their members), then removes the root. */
    @Override
    public void close() throws IOException {
        for (final Running r : started) {
            r.process.descendants().forEach(ProcessHandle::destroyForcibly);
            r.process.destroyForcibly();
        }
        FileTrees.delete(root);
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

        /** @return the CLI's pid */
        public long pid() {
            return process.pid();
        }

        /**
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

        /** @return the exit code (the process must have exited) */
        public int exitCode() {
            return process.exitValue();
        }

        /**
         * @param fragment text
         * @return the first stdout line containing it, within 30 s
         * @throws InterruptedException if interrupted
         */
        public String awaitLine(final String fragment) throws InterruptedException {
            return awaitLine(fragment, 1);
        }

        /**
         * @param fragment text
         * @param n        how many lines must contain it
         * @return the {@code n}th stdout line containing it, within 30 s
         * @throws InterruptedException if interrupted
         */
        public String awaitLine(final String fragment, final int n) throws InterruptedException {
            return out.await(line -> line.contains(fragment), n, Duration.ofSeconds(30));
        }

        /**
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
         * @param signal e.g. "INT", "TERM"
         * @throws Exception if kill fails
         */
        public void signal(final String signal) throws Exception {
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " failed");
        }

        /** @return stdout so far */
        public String stdout() {
            return String.join("\n", out.lines());
        }

        /** @return stderr so far */
        public String stderr() {
            return String.join("\n", err.lines());
        }

        /** @return stdout lines so far */
        public List<String> stdoutLines() {
            return out.lines();
        }

        @Override
        public String toString() {
            return "exit " + (process.isAlive() ? "(running)" : process.exitValue()) + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr();
        }
    }
}
