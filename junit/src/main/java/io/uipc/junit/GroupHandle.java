package io.uipc.junit;

import io.uipc.core.SendResult;
import io.uipc.launcher.GroupLauncher;
import io.uipc.launcher.LaunchOptions;
import io.uipc.launcher.MemberProcess;
import io.uipc.launcher.spec.FailureAction;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.SpecParser;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A test's process group (see {@link ProcessGroupTest}): launch members, send to them by
 * name, read their table entries, kill one, wait for their output. The group is named after
 * the test ({@link #name()}). Closed by the extension after the test (or the class, for a
 * group per class): members stopped, group files removed.
 */
public final class GroupHandle implements AutoCloseable {
    /** How long the await methods wait by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private final String testId;
    private final String name;
    private GroupLauncher launcher;

    GroupHandle(final String testId, final String name) {
        this.testId = testId;
        this.name = name;
    }

    /**
     * Gives the name of this test's group, known before the launch: the test class and method
     * ({@code <TestClass>-<method>}, or {@code <TestClass>} for a group per class) and a random
     * suffix, for example {@code LogWriterTest-acksCommits-k3v9qz}.
     *
     * @return the group's name
     */
    public String name() {
        return name;
    }

    /**
     * Launches processes into a new temporary group; a member failing for good does not stop
     * the others (the test decides what a failure means).
     *
     * @param processes the processes
     * @return this handle
     */
    public GroupHandle launch(final ProcessSpec... processes) {
        return launch(LaunchSpec.of(processes).onFailure(FailureAction.CONTINUE));
    }

    /**
     * Launches a spec into a new temporary group named {@link #name()} (whatever name the spec
     * gives) and returns once every member is ready.
     *
     * @param spec the spec
     * @return this handle
     * @throws IllegalStateException if this handle already launched
     */
    public GroupHandle launch(final LaunchSpec spec) {
        if (launcher != null) {
            throw new IllegalStateException("this test's group is already launched");
        }
        launcher = GroupLauncher.start(named(spec, name), LaunchOptions.defaults());
        launcher.superviseInBackground();
        return this;
    }

    /**
     * Gives the launcher behind this handle.
     *
     * @return the launcher
     */
    public GroupLauncher launcher() {
        if (launcher == null) {
            throw new IllegalStateException("no group launched yet: call launch(...) or use @ProcessGroupTest(spec = ...)");
        }
        return launcher;
    }

    /**
     * Gives the launched group.
     *
     * @return the group, attached
     */
    public ProcessGroup group() {
        return launcher().group();
    }

    /**
     * Gives where the group lives.
     *
     * @return the group's directory
     */
    public Path directory() {
        return group().directory();
    }

    /**
     * Gives the launcher's view of a member.
     *
     * @param name a member name
     * @return the launcher's view of it (pid, exit code, restarts, output)
     */
    public MemberProcess member(final String name) {
        return launcher().member(name);
    }

    /**
     * Lists the members.
     *
     * @return every member, in start order
     */
    public List<MemberProcess> members() {
        return launcher().members();
    }

    /**
     * Sends a vector to a member by name, as {@code uipc send} does.
     *
     * @param name   member name
     * @param vector vector it accepts
     * @return the {@link SendResult} code (positive: posted)
     * @throws io.uipc.core.UipcException if no live member has the name or it does not accept the vector
     */
    public int send(final String name, final int vector) {
        return group().resolve(name, vector).send();
    }

    /**
     * Reads a member's entry in the process table.
     *
     * @param name a member name
     * @return its table entry, if a live member has the name
     */
    public Optional<MemberInfo> state(final String name) {
        return group().member(name);
    }

    /**
     * Kills a member.
     *
     * @param name a member to SIGKILL, as a crash would
     */
    public void kill(final String name) {
        member(name).kill();
    }

    /**
     * Waits for a line of a member's output.
     *
     * @param name     member name
     * @param fragment text a line must contain
     * @return the first line of the member's output containing it
     * @throws InterruptedException if interrupted
     */
    public String awaitOutput(final String name, final String fragment) throws InterruptedException {
        return member(name).output().await(line -> line.contains(fragment), DEFAULT_TIMEOUT);
    }

    /**
     * Waits until a member's current JVM is registered (after a restart, say).
     *
     * @param name member name
     * @return whether its current JVM is registered within {@link #DEFAULT_TIMEOUT}
     */
    public boolean awaitRegistered(final String name) {
        return launcher().awaitRegistered(name, DEFAULT_TIMEOUT);
    }

    /**
     * Stops the group now: shutdown vector, grace period, SIGKILL, group removed.
     *
     * @return the launcher's exit code: 0 if no member failed
     */
    public int stop() {
        return launcher().shutdown();
    }

    /** Stops the group if one was launched; idempotent. */
    @Override
    public void close() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Override
    public String toString() {
        return "GroupHandle[" + testId + ", " + name + (launcher == null ? ", not launched" : "") + "]";
    }

    private static LaunchSpec named(final LaunchSpec spec, final String groupName) {
        return new LaunchSpec(spec.source(), Optional.of(groupName), spec.gracePeriod(), spec.readyTimeout(), spec.onFailure(),
            spec.classPath(), spec.entries(), spec.receivers(), spec.uitt(), spec.processes());
    }

    /**
     * @param location a class path resource (tried first) or a file path
     * @param anchor   class whose loader finds resources
     * @return the parsed spec
     */
    static LaunchSpec loadSpec(final String location, final Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream(location)) {
            if (in != null) {
                return SpecParser.parse(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return SpecParser.parse(Paths.get(location));
    }
}
