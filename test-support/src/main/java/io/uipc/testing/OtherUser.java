package io.uipc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real second Unix user for tests of hostile and multi-user behaviour, made with
 * {@code useradd} and removed (with any process it still runs) on {@link #close()}. Commands
 * run as it through {@code setpriv}, with its uid, its primary group and its supplementary
 * groups (so {@link UnixGroup#add} takes effect for commands started afterwards); JVMs run as it
 * through {@link JvmProcessBuilder#asUser}. Only root can make users: tests check
 * {@link #available()} first (CI runs as root).
 */
public final class OtherUser implements AutoCloseable {
    /** How long a command run by {@link #run} may take. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final int uid;
    private final int gid;

    private OtherUser(final String name, final int uid, final int gid) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
    }

    /**
     * Tells whether this process may make users: it runs as root and {@code useradd} and
     * {@code setpriv} exist.
     *
     * @return whether {@link #create} can work here
     */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name"))
            && new java.io.File("/usr/sbin/useradd").canExecute() && new java.io.File("/usr/bin/setpriv").canExecute();
    }

    /**
     * Makes a fresh user with its own primary group and no home directory.
     *
     * @param label a short word for its name (the name is {@code uipc-LABEL-RANDOM}, at most 32 characters)
     * @return the user; close it to remove it
     */
    public static OtherUser create(final String label) {
        final String name = uniqueName(label);
        exec(List.of("useradd", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name));
        return new OtherUser(name, Integer.parseInt(exec(List.of("id", "-u", name)).trim()),
            Integer.parseInt(exec(List.of("id", "-g", name)).trim()));
    }

    static String uniqueName(final String label) {
        final String word = label.replaceAll("[^a-z0-9]", "");
        return "uipc-" + word.substring(0, Math.min(word.length(), 16)) + "-"
            + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    /**
     * Returns the user's name.
     *
     * @return the user's name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the user's uid.
     *
     * @return the user's uid
     */
    public int uid() {
        return uid;
    }

    /**
     * Returns the uid of the user's primary group.
     *
     * @return the gid of the user's primary group
     */
    public int gid() {
        return gid;
    }

    /**
     * Prefixes a command so that it runs as this user, with the groups it is in now.
     *
     * @param command the command
     * @return {@code setpriv} with this user's credentials, then the command
     */
    public List<String> command(final List<String> command) {
        final List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--"));
        full.addAll(command);
        return full;
    }

    /**
     * Runs a command as this user and waits for it.
     *
     * @param command the command and its arguments
     * @return its exit code and output
     */
    public Result run(final String... command) {
        return runCommand(command(List.of(command)));
    }

    /**
     * Runs a shell command line as this user ({@code sh -c}) and waits for it.
     *
     * @param script the command line
     * @return its exit code and output
     */
    public Result shell(final String script) {
        return run("sh", "-c", script);
    }

    /** Kills whatever still runs as this user, then removes it and its primary group. */
    @Override
    public void close() {
        runCommand(List.of("pkill", "-KILL", "-u", name));
        exec(List.of("userdel", name));
    }

    /**
     * What a command did.
     *
     * @param exitCode its exit code
     * @param output   its stdout and stderr, merged
     */
    public record Result(int exitCode, String output) {
        /**
         * Fails unless the command exited 0.
         *
         * @return this
         * @throws AssertionError quoting the output, if it did not
         */
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("command exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    static Result runCommand(final List<String> command) {
        final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            final Process process = pb.start();
            process.getOutputStream().close();
            final byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within " + COMMAND_TIMEOUT);
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    static String exec(final List<String> command) {
        return runCommand(command).assertSuccess().output();
    }
}
