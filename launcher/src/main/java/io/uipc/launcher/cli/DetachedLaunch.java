package io.uipc.launcher.cli;

import io.uipc.core.UipcException;
import io.uipc.table.GroupSpec;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code uipc launch --detach}: runs this same command line again, as the launcher of the group,
 * in a session of its own ({@code setsid}: no terminal, so a closed terminal or Ctrl-C does not
 * reach it), stdin from /dev/null, stdout and stderr to the log; then waits until that launcher
 * has recorded itself ({@link LauncherRecord}, once every member is ready) or has exited, relays
 * its {@code still waiting for} lines meanwhile, and tells the user which. The detached launcher
 * supervises on; its members still end if it dies, through their stdin pipe, as any launcher's.
 */
final class DetachedLaunch {
    private static final Path SETSID = Paths.get("/usr/bin/setsid");
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** The most of the log read per poll. */
    private static final int CHUNK = 64 * 1024;
    private final Path root;
    private final String group;
    private final Path log;

    /**
     * @param root  the group root
     * @param group the group the launcher runs
     * @param log   the launcher's log
     */
    DetachedLaunch(final Path root, final String group, final Path log) {
        this.root = root.toAbsolutePath();
        this.group = group;
        this.log = log.toAbsolutePath();
    }

    /**
     * Starts the detached launcher and waits until the group is up or the launcher has failed.
     *
     * @param userArgs   this process's command line arguments (after the main class), to find the JVM's own command
     * @param launchArgs the detached launcher's arguments
     * @param out        where the result goes
     * @param err        where progress goes
     * @return 0 if the group is up
     * @throws UipcException if the launcher could not start, or failed before the group was up
     */
    int run(final List<String> userArgs, final List<String> launchArgs, final PrintStream out, final PrintStream err) {
        final List<String> cmd = new ArrayList<>();
        cmd.add(SETSID.toString());
        cmd.addAll(ownJvmCommand(userArgs));
        cmd.addAll(launchArgs);
        final Process launcher;
        try {
            Files.deleteIfExists(log);
            launcher = new ProcessBuilder(cmd).redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        } catch (final IOException e) {
            throw new UipcException("cannot start the detached launcher (log " + log + "): " + e, e);
        }
        long logRead = 0;
        for (;;) {
            final Optional<LauncherRecord> record = LauncherRecord.read(root, group);
            if (record.isPresent() && record.get().pid() == launcher.pid()) {
                out.println("group " + group + " is up: launcher pid " + launcher.pid() + ", log " + log);
                out.println("stop it with: uipc stop " + group + (root.equals(GroupSpec.defaultRoot().toAbsolutePath()) ? "" : " --dir " + root));
                return 0;
            }
            logRead = relayProgress(logRead, err);
            if (!launcher.isAlive()) {
                throw new UipcException(failureLine() + " (detached launcher pid " + launcher.pid() + " exited with code "
                    + launcher.exitValue() + "; log " + log + ")");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * @param userArgs the arguments this JVM's main method got
     * @return the command that started this JVM, up to its main class: /proc/self/cmdline without the arguments
     */
    private static List<String> ownJvmCommand(final List<String> userArgs) {
        final List<String> all;
        try {
            all = Arrays.asList(new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8).split("\0"));
        } catch (final IOException e) {
            throw new UipcException("cannot read this JVM's command line to detach: " + e, e);
        }
        final int mainEnd = all.size() - userArgs.size();
        if (mainEnd < 2 || !all.subList(mainEnd, all.size()).equals(userArgs)) {
            throw new UipcException("cannot find this JVM's own command in /proc/self/cmdline to detach");
        }
        return all.subList(0, mainEnd);
    }

    /**
     * Copies the launcher's new "still waiting for" lines from the log to {@code err}; returns how
     * far the log was read. Reads at most {@link #CHUNK} bytes a poll, whatever members print
     * meanwhile; a chunk without a newline (a member's endless line) is skipped whole.
     */
    private long relayProgress(final long from, final PrintStream err) {
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            final byte[] fresh = new byte[(int) Math.min(CHUNK, Math.max(0, in.length() - from))];
            in.seek(from);
            in.readFully(fresh);
            int complete = fresh.length;
            while (complete > 0 && fresh[complete - 1] != '\n') {
                complete--;
            }
            if (complete == 0 && fresh.length == CHUNK) {
                return from + CHUNK;
            }
            for (final String line : new String(fresh, 0, complete, StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("uipc ") && line.contains("| still waiting for ")) {
                    err.println(line);
                }
            }
            return from + complete;
        } catch (final IOException e) {
            return from;
        }
    }

    /** @return the launcher's error line from its log ({@code uipc launch: ...}), else its last line */
    private String failureLine() {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("uipc launch: ")) {
                    return lines.get(i).substring("uipc launch: ".length());
                }
            }
            return lines.isEmpty() ? "the detached launcher failed" : lines.get(lines.size() - 1);
        } catch (final IOException e) {
            return "the detached launcher failed and its log cannot be read: " + e;
        }
    }
}
