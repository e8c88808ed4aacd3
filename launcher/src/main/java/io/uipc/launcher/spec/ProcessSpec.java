package io.uipc.launcher.spec;

import io.uipc.launcher.TerminalText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind of process in a group: {@code count} JVMs running {@code mainClass}. With a count of
 * one the member is called {@code name}; with more, {@code name-1} to {@code name-N}.
 *
 * @param name       the kind's name: letters, digits, '.', '_', '-'
 * @param mainClass  fully qualified main class
 * @param count      how many JVMs, 1..{@value #MAX_COUNT}
 * @param role       the members' role in the table (at most 16 characters)
 * @param order      start stage: lower orders start first; one order starts together
 * @param restart    restart policy
 * @param jvmOptions JVM options, after uipc's own flags
 * @param args       program arguments
 * @param readiness  when a started JVM counts as ready
 * @param line       line of the spec file that declared it, 0 if built in code
 */
public record ProcessSpec(String name, String mainClass, int count, String role, int order, RestartPolicy restart,
                          List<String> jvmOptions, List<String> args, Readiness readiness, int line) {
    /** Most JVMs of one kind. */
    public static final int MAX_COUNT = 1_000;
    /** Default role. */
    public static final String DEFAULT_ROLE = "process";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,56}");
    private static final Pattern ROLE = Pattern.compile("[!-~]{1,16}");
    private static final Pattern CLASS = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    /**
     * Checks the fields.
     *
     * @param name the kind's name: letters, digits, '.', '_', '-'
     * @param mainClass fully qualified main class
     * @param count how many JVMs, 1..{@value #MAX_COUNT}
     * @param role the members' role in the table (at most 16 characters)
     * @param order start stage: lower orders start first; one order starts together
     * @param restart restart policy
     * @param jvmOptions JVM options, after uipc's own flags
     * @param args program arguments
     * @param readiness when a started JVM counts as ready
     * @param line line of the spec file that declared it, 0 if built in code
     */
    public ProcessSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("process name '" + quote(name) + "' must be 1 to 56 letters, digits, '.', '_' or '-'");
        }
        if (mainClass == null || !CLASS.matcher(mainClass).matches()) {
            throw new IllegalArgumentException("main class '" + quote(mainClass) + "' is not a Java class name");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count " + count + " out of range 1.." + MAX_COUNT);
        }
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("role '" + quote(role) + "' must be 1 to 16 printable ASCII characters without spaces");
        }
        if (restart == null || readiness == null) {
            throw new IllegalArgumentException((restart == null ? "restart" : "ready") + ": must be given");
        }
        jvmOptions = words("jvm-options", jvmOptions);
        args = words("args", args);
    }

    /** A process's words reach {@code execve}, which ends each at a NUL: refuse one rather than fail at spawn time. */
    private static List<String> words(final String field, final List<String> words) {
        if (words == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        for (final String w : words) {
            if (w == null) {
                throw new IllegalArgumentException(field + ": must not hold null");
            }
            if (w.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(field + ": NUL character (\\x00) not allowed in '" + quote(w) + "'");
            }
        }
        return List.copyOf(words);
    }

    private static String quote(final String value) {
        return value == null ? "null" : TerminalText.escapeControls(value);
    }

    /**
     * Makes a process kind with default settings.
     *
     * @param name      the kind's name
     * @param mainClass main class name
     * @return one process, role "process", order 0, never restarted, ready when registered
     */
    public static ProcessSpec of(final String name, final String mainClass) {
        return new ProcessSpec(name, mainClass, 1, DEFAULT_ROLE, 0, RestartPolicy.NEVER, List.of(), List.of(), Readiness.REGISTERED, 0);
    }

    /**
     * Makes a process kind with default settings.
     *
     * @param name      the kind's name
     * @param mainClass main class
     * @return as {@link #of(String, String)}
     */
    public static ProcessSpec of(final String name, final Class<?> mainClass) {
        return of(name, mainClass.getName());
    }

    /**
     * Changes how many JVMs run.
     *
     * @param n JVMs
     * @return this spec with another count
     */
    public ProcessSpec count(final int n) {
        return new ProcessSpec(name, mainClass, n, role, order, restart, jvmOptions, args, readiness, line);
    }

    /**
     * Changes the members' role.
     *
     * @param r role
     * @return this spec with another role
     */
    public ProcessSpec role(final String r) {
        return new ProcessSpec(name, mainClass, count, r, order, restart, jvmOptions, args, readiness, line);
    }

    /**
     * Changes the start order.
     *
     * @param o start order
     * @return this spec with another order
     */
    public ProcessSpec order(final int o) {
        return new ProcessSpec(name, mainClass, count, role, o, restart, jvmOptions, args, readiness, line);
    }

    /**
     * Changes the restart policy.
     *
     * @param policy restart policy
     * @return this spec with another policy
     */
    public ProcessSpec restart(final RestartPolicy policy) {
        return new ProcessSpec(name, mainClass, count, role, order, policy, jvmOptions, args, readiness, line);
    }

    /**
     * Changes the JVM options.
     *
     * @param options JVM options
     * @return this spec with other JVM options
     */
    public ProcessSpec jvmOptions(final List<String> options) {
        return new ProcessSpec(name, mainClass, count, role, order, restart, options, args, readiness, line);
    }

    /**
     * Changes the JVM options.
     *
     * @param options JVM options
     * @return this spec with other JVM options
     */
    public ProcessSpec jvmOptions(final String... options) {
        return jvmOptions(List.of(options));
    }

    /**
     * Changes the program arguments.
     *
     * @param arguments program arguments
     * @return this spec with other arguments
     */
    public ProcessSpec args(final List<String> arguments) {
        return new ProcessSpec(name, mainClass, count, role, order, restart, jvmOptions, arguments, readiness, line);
    }

    /**
     * Changes the program arguments.
     *
     * @param arguments program arguments
     * @return this spec with other arguments
     */
    public ProcessSpec args(final String... arguments) {
        return args(List.of(arguments));
    }

    /**
     * Records the spec file line that declared the process.
     *
     * @param specLine line of the spec file
     * @return this spec, declared at that line
     */
    public ProcessSpec line(final int specLine) {
        return new ProcessSpec(name, mainClass, count, role, order, restart, jvmOptions, args, readiness, specLine);
    }

    /**
     * Changes when a started JVM counts as ready.
     *
     * @param r readiness
     * @return this spec with another readiness
     */
    public ProcessSpec readiness(final Readiness r) {
        return new ProcessSpec(name, mainClass, count, role, order, restart, jvmOptions, args, r, line);
    }

    /**
     * Lists the member names.
     *
     * @return the member names of this kind's JVMs, in start order
     */
    public List<String> memberNames() {
        if (count == 1) {
            return List.of(name);
        }
        final List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(name + "-" + i);
        }
        return names;
    }
}
