package io.uipc.launcher.cli;

import io.uipc.core.UipcException;
import io.uipc.core.internal.TemporaryNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The record of a detached launcher: the file {@code ROOT/.GROUP.launcher} (a name no group can
 * have, so {@code uipc ls} and the group's own files never see it) holding the launcher's pid,
 * its start time and its log. The detached launcher writes it once every member is ready and
 * deletes it when it ends; {@code uipc stop} reads it. A record is trusted only if it is a
 * regular file of this user, and its pid only if that process started at the recorded time and
 * its command line is the detached launcher of this group under this root, so a pid the kernel
 * has given to another process since is never signalled.
 *
 * @param file  the record's path
 * @param pid   the launcher's pid
 * @param start the launcher's start time, in milliseconds since the epoch
 * @param log   the launcher's log
 */
record LauncherRecord(Path file, long pid, long start, Path log) {
    /** The option that marks a detached launcher's command line, followed by the group name. */
    static final String DAEMON_OPTION = "--daemon";

    /**
     * @param root  the group root
     * @param group the group name
     * @return where the record of the group's detached launcher is
     */
    static Path path(final Path root, final String group) {
        return root.toAbsolutePath().resolve("." + group + ".launcher");
    }

    /**
     * Records this process as the group's detached launcher, replacing a stale record.
     *
     * @param root  the group root
     * @param group the group name
     * @param log   this launcher's log
     * @return the record written
     * @throws UipcException if another live launcher holds the record, or it cannot be written
     */
    static LauncherRecord writeOwn(final Path root, final String group, final Path log) {
        final ProcessHandle self = ProcessHandle.current();
        final LauncherRecord own = new LauncherRecord(path(root, group), self.pid(), startOf(self), log.toAbsolutePath());
        final Path temp = own.file.resolveSibling(TemporaryNames.creating(own.file.getFileName().toString()));
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            Files.writeString(temp, own.pid + "\n" + own.start + "\n" + own.log + "\n", StandardCharsets.UTF_8);
            final Optional<LauncherRecord> old = read(root, group);
            if (old.isPresent() && old.get().liveLauncher(root, group).isPresent()) {
                throw new UipcException("group " + group + " already has a detached launcher (pid " + old.get().pid + ")");
            }
            Files.move(temp, own.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return own;
        } catch (final IOException e) {
            throw new UipcException("cannot record the detached launcher in " + own.file + ": " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Reads the group's record, if there is one this user wrote.
     *
     * @param root  the group root
     * @param group the group name
     * @return the record, or empty if there is none
     * @throws UipcException if the file is not a regular file of this user, or is not a record
     */
    static Optional<LauncherRecord> read(final Path root, final String group) {
        final Path file = path(root, group);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || !Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS).equals(ownUid())) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UipcException(file + " is not a launcher record of this user: not trusted");
                }
                return Optional.empty();
            }
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return Optional.of(new LauncherRecord(file, Long.parseLong(lines.get(0)), Long.parseLong(lines.get(1)), Path.of(lines.get(2))));
        } catch (final NoSuchFileException e) {
            return Optional.empty();
        } catch (final IOException | RuntimeException e) {
            if (e instanceof UipcException u) {
                throw u;
            }
            throw new UipcException("cannot read the launcher record " + file + ": " + e, e);
        }
    }

    /**
     * Finds the launcher this record names, if it still runs.
     *
     * @param root  the group root, which the launcher's command line must name
     * @param group the group, which the launcher's command line must name
     * @return the live launcher process; empty if the pid is gone or now another process's
     */
    Optional<ProcessHandle> liveLauncher(final Path root, final String group) {
        return ProcessHandle.of(pid).filter(p -> startOf(p) == start).filter(p -> isLauncherOf(p, root, group));
    }

    /** Deletes this record if it is still this one (a newer launcher may have replaced a stale one). */
    void deleteIfUnchanged() {
        try {
            final Path root = file.getParent();
            final String name = file.getFileName().toString();
            final Optional<LauncherRecord> now = read(root, name.substring(1, name.length() - ".launcher".length()));
            if (now.isPresent() && now.get().pid == pid && now.get().start == start) {
                Files.deleteIfExists(file);
            }
        } catch (final IOException | UipcException e) {
            // nothing to clean up then
        }
    }

    private static boolean isLauncherOf(final ProcessHandle p, final Path root, final String group) {
        final List<String> args = arguments(p.pid());
        final int daemon = args.indexOf(DAEMON_OPTION);
        final int dir = args.indexOf("--dir");
        return daemon >= 0 && daemon + 1 < args.size() && args.get(daemon + 1).equals(group)
            && dir >= 0 && dir + 1 < args.size() && args.get(dir + 1).equals(root.toAbsolutePath().toString());
    }

    /**
     * Reads a process's whole command line from /proc. Not {@code ProcessHandle.Info.arguments()}:
     * the JDK reads one page of /proc/PID/cmdline and gives no arguments at all for a longer one,
     * and a JVM's class path alone often is (CI's clone, with its longer paths, crossed it).
     */
    private static List<String> arguments(final long pid) {
        try {
            return Arrays.asList(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8).split("\0"));
        } catch (final IOException e) {
            return List.of(); // gone, or not ours to read: not the launcher
        }
    }

    /** @return this process's effective uid: the owner of its /proc/self */
    private static Object ownUid() throws IOException {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static long startOf(final ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (final IOException e) {
            // a temporary file left behind is harmless: a dot name that no reader takes for a record
        }
    }
}
