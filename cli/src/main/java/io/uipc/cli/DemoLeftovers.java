package io.uipc.cli;

import io.uipc.core.UipcException;
import io.uipc.core.internal.FileTrees;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code uipc demo} killed by SIGKILL leaves: its temporary group directory and its
 * working directory (the log writer's {@code redo.log}). Its members end by themselves (they
 * watch their launcher, {@link io.uipc.launcher.MemberMain}), but only the demo knows these two
 * directories are its own. Both names carry the demo's pid ({@code demo-PID-NONCE} under the
 * group root, {@code uipc-demo-PID-*} under the temporary directory), so the next demo removes
 * those of demos whose process is gone; {@code uipc destroy --force} removes such a group too.
 * A directory whose pid runs (the demo still runs, or the pid was reused) is left alone; so is
 * a group with live members, and anything of another user.
 */
final class DemoLeftovers {
    /** The temporary group's name: {@code demo-PID-NONCE}. */
    private static final Pattern GROUP = Pattern.compile("demo-(\\d{1,10})-[0-9a-z]{1,13}");
    /** The working directory's name: {@code uipc-demo-PID-*}, as {@link Files#createTempDirectory} completes it. */
    private static final Pattern WORK_DIR = Pattern.compile("uipc-demo-(\\d{1,10})-.*");

    private DemoLeftovers() {
    }

    /**
     * Names this demo's temporary group.
     *
     * @return {@code demo-PID-NONCE}
     */
    static String groupName() {
        return "demo-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
    }

    /**
     * Makes this demo's working directory.
     *
     * @return a new directory {@code uipc-demo-PID-*} in the temporary directory
     * @throws IOException if it cannot be made
     */
    static Path createWorkDir() throws IOException {
        return Files.createTempDirectory("uipc-demo-" + ProcessHandle.current().pid() + "-");
    }

    /**
     * Removes the leftovers of demos whose process is gone, saying so.
     *
     * @param root   the group root
     * @param tmpDir where working directories are made ({@code java.io.tmpdir})
     * @param out    where each removal is reported
     */
    static void sweep(final Path root, final Path tmpDir, final PrintStream out) {
        for (final Path dir : orphans(root, GROUP)) {
            try {
                ProcessGroup.destroy(dir, false);
                out.println("uipc demo: removed group " + dir + ", left by a demo that was killed");
            } catch (final UipcException | IllegalArgumentException | UncheckedIOException e) {
                out.println("uipc demo: left group " + dir + " of an earlier demo: " + e.getMessage());
            }
        }
        for (final Path dir : orphans(tmpDir, WORK_DIR)) {
            try {
                FileTrees.delete(dir);
                out.println("uipc demo: removed log directory " + dir + ", left by a demo that was killed");
            } catch (final IOException e) {
                out.println("uipc demo: left log directory " + dir + " of an earlier demo: " + e.getMessage());
            }
        }
    }

    /** @return the directories in {@code parent} named by {@code pattern}, owned by this user, whose pid is gone */
    private static List<Path> orphans(final Path parent, final Pattern pattern) {
        final List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (final Path entry : entries) {
                final Matcher m = pattern.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && ownedByMe(entry) && gone(Long.parseLong(m.group(1)))) {
                    found.add(entry);
                }
            }
        } catch (final IOException | UncheckedIOException e) {
            // an unreadable directory has nothing of ours to clean
        }
        return found;
    }

    private static boolean ownedByMe(final Path dir) throws IOException {
        return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    private static boolean gone(final long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
