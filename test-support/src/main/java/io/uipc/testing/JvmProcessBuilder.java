package io.uipc.testing;

import io.uipc.core.internal.ChildJvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What child JVM to start: main class, JVM options, environment and arguments
 * ({@link JvmProcess#builder}). The command line comes from {@link ChildJvm}: this JVM's class
 * path and uipc's JVM flags first, then the options given here.
 */
public final class JvmProcessBuilder {
    private final String name;
    private final Class<?> mainClass;
    private final List<String> jvmOptions = new ArrayList<>(JvmProcess.DEFAULT_JVM_OPTIONS);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final List<String> args = new ArrayList<>();
    private final List<String> wrapper = new ArrayList<>();
    private OtherUser user;

    JvmProcessBuilder(final String name, final Class<?> mainClass) {
        this.name = name;
        this.mainClass = mainClass;
    }

    /**
     * Replaces the JVM options (by default {@link JvmProcess#DEFAULT_JVM_OPTIONS}).
     *
     * @param options JVM options, given after uipc's flags
     * @return this
     */
    public JvmProcessBuilder jvmOptions(final List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /**
     * Adds one JVM option after those already set.
     *
     * @param option a JVM option
     * @return this
     */
    public JvmProcessBuilder jvmOption(final String option) {
        jvmOptions.add(option);
        return this;
    }

    /**
     * Sets variables in the child's environment, over those it inherits from this JVM.
     *
     * @param variables names and values
     * @return this
     */
    public JvmProcessBuilder environment(final Map<String, String> variables) {
        variables.keySet().forEach(removed::remove);
        environment.putAll(variables);
        return this;
    }

    /**
     * Keeps a variable out of the child's environment, whether inherited or set before.
     *
     * @param variable the variable's name
     * @return this
     */
    public JvmProcessBuilder withoutEnvironment(final String variable) {
        environment.remove(variable);
        removed.add(variable);
        return this;
    }

    /**
     * Adds program arguments.
     *
     * @param arguments arguments, after those already added
     * @return this
     */
    public JvmProcessBuilder args(final String... arguments) {
        return args(List.of(arguments));
    }

    /**
     * Adds program arguments.
     *
     * @param arguments arguments, after those already added
     * @return this
     */
    public JvmProcessBuilder args(final List<String> arguments) {
        args.addAll(arguments);
        return this;
    }

    /**
     * Runs the child as another user (through {@code setpriv}), on a copy of this JVM's class
     * path that the user can read.
     *
     * @param otherUser the user
     * @return this
     */
    public JvmProcessBuilder asUser(final OtherUser otherUser) {
        this.user = otherUser;
        return this;
    }

    /**
     * Runs the child under a wrapper command, such as {@code unshare} for new namespaces: the
     * wrapper's words come first, then the child's whole command line.
     *
     * @param command the wrapper and its options
     * @return this
     */
    public JvmProcessBuilder wrappedIn(final List<String> command) {
        wrapper.clear();
        wrapper.addAll(command);
        return this;
    }

    /**
     * Starts the child.
     *
     * @return the running child
     * @throws UncheckedIOException if the JVM cannot be started
     */
    public JvmProcess start() {
        final List<String> jvm = user == null
            ? ChildJvm.command(ChildJvm.currentClassPath(), jvmOptions, mainClass.getName(), args)
            : user.command(ChildJvm.command(ReadableClassPath.of(ChildJvm.currentClassPath()), jvmOptions, mainClass.getName(), args));
        final List<String> command = new ArrayList<>(wrapper);
        command.addAll(jvm);
        final ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.environment().putAll(environment);
        pb.environment().keySet().removeAll(removed);
        try {
            return new JvmProcess(name, pb.start());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start child JVM " + name + ": " + pb.command(), e);
        }
    }
}
