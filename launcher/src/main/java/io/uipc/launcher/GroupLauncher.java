package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.table.GroupVectors;
import io.uipc.table.ProcessGroup;

import java.time.Duration;
import java.util.List;

/**
 * Starts, supervises and stops the JVMs of a {@link LaunchSpec}, as a database instance
 * starts its background processes; {@code uipc launch}, {@code uipc demo} and the JUnit
 * extension use it.
 *
 * <ol>
 *   <li>{@link #start}: checks every main class, creates a temporary group (or attaches an
 *       existing one), runs the reaper, spawns the members order by order through
 *       {@link ChildJvm} with the group's environment (the secret in the environment, never
 *       in argv), and waits until each is registered in the table. A member that exits or
 *       does not register in time stops everything: nothing is left running.</li>
 *   <li>{@link #supervise}: reports every death with its exit code, restarts per policy, and
 *       stops the group when a member fails for good (unless {@code on-failure = continue}),
 *       when all members have exited, or on {@link #requestShutdown()}.</li>
 *   <li>Stopping: {@link GroupVectors#SHUTDOWN} to each member that accepts it, SIGTERM to the
 *       others, a grace period, SIGKILL for stragglers, then the temporary group is destroyed.</li>
 * </ol>
 * The exit code is 0 if no member failed, 1 otherwise. A JVM shutdown hook kills the members
 * and removes the group if the launcher's JVM exits without stopping them.
 *
 * <p>This class only wires the parts, each with one job, as Aeron's {@code MediaDriver} wires
 * its agents:
 *
 * <pre>
 *   GroupLauncher ─┬─ MemberRoster    every member, from the spec, before anything starts
 *                  ├─ LaunchGroup     creates or attaches the group; tears it down
 *                  ├─ StartSequence   order by order: MemberSpawner, then ReadinessProbe
 *                  ├─ Supervisor      LaunchEvents (exits, stop requests) → restart / on-failure policy
 *                  └─ StopSequence    vector 0 or SIGTERM, grace period, SIGKILL, teardown; the shutdown hook
 *   shared: LaunchConsole (labelled output), LaunchFailures (the exit code)
 * </pre>
 *
 * Threads: the caller's ({@link #start()}, {@link #supervise()}), an output pump per member JVM,
 * an optional background supervisor, the JVM shutdown hook, and whoever calls
 * {@link #requestShutdown()} (signal handlers). Every field here is final but {@link #started},
 * which is volatile.
 */
public final class GroupLauncher implements AutoCloseable {
    private final LaunchSpec spec;
    private final LaunchOptions options;
    private final ChildClassPath classPath;
    private final LaunchConsole console;
    private final MemberRoster members;
    private final LaunchEvents events = new LaunchEvents();
    private final LaunchFailures failures = new LaunchFailures();
    /**
     * The parts that need the open group, null until {@link #start()} opened it. Written once,
     * after the parts are built; volatile because a background supervisor and test threads
     * ({@link #group()}, {@link #shutdown()}) read it.
     */
    private volatile Started started;

    private GroupLauncher(final LaunchSpec spec, final LaunchOptions options) {
        this.spec = spec;
        this.options = options;
        this.classPath = ChildClassPath.of(spec, options);
        // Progress of a wait goes to stderr when the output is the standard one (uipc launch), else with the output.
        this.console = new LaunchConsole(options.out(), options.out() == System.out ? System.err : options.out(), spec.memberNames());
        this.members = new MemberRoster(spec);
    }

    /**
     * Prepares a launch: checks every main class before anything is created or started.
     *
     * @param spec    what to run
     * @param options where and how
     * @return the launcher, not started yet: {@link #requestShutdown()} already works
     * @throws io.uipc.launcher.spec.SpecException if a main class is missing or has no main method
     */
    public static GroupLauncher of(final LaunchSpec spec, final LaunchOptions options) {
        final GroupLauncher launcher = new GroupLauncher(spec, options);
        launcher.classPath.checkMainClasses(spec);
        return launcher;
    }

    /**
     * Launches a group and returns once every member is ready.
     *
     * @param spec    what to run
     * @param options where and how
     * @return the running launcher; call {@link #supervise()}, or {@link #close()} to stop
     * @throws io.uipc.launcher.spec.SpecException if a main class is missing (nothing was started)
     * @throws LaunchException                      if a member failed to start (everything was stopped)
     */
    public static GroupLauncher start(final LaunchSpec spec, final LaunchOptions options) {
        return of(spec, options).start();
    }

    /**
     * Creates or attaches the group, starts the members order by order and waits until each is
     * ready. On any failure, or a {@link #requestShutdown()} meanwhile, stops what it started,
     * removes a created group and throws.
     *
     * @return this launcher
     * @throws LaunchException       if a member failed to start
     * @throws IllegalStateException if this launcher was started before
     */
    public GroupLauncher start() {
        if (started != null) {
            throw new IllegalStateException("this launcher was started before");
        }
        final LaunchGroup group = LaunchGroup.open(spec, options, console);
        final StopSequence stop = new StopSequence(spec.gracePeriod(), members, group, events, failures, console);
        try {
            stop.armHook();
            final MemberSpawner spawner = new MemberSpawner(group.group(), classPath, options.workDir(), console, events);
            final ReadinessProbe probe = new ReadinessProbe(group.group(), spec.readyTimeout(), events, console);
            started = new Started(group, probe, new Supervisor(spec.onFailure(), members, group.group(), events, spawner, probe, stop,
                failures, console));
            group.startReaper(failures, events);
            new StartSequence(members, spawner, probe, console).run();
            return this;
        } catch (final RuntimeException e) {
            stop.run();
            throw e;
        }
    }

    /**
     * Supervises until the group stops: restarts members per policy, reports deaths, and
     * stops everything on {@link #requestShutdown()}, a member failing for good (per
     * {@code on-failure}), or when every member has exited. Then cleans up.
     *
     * @return 0 if no member failed, 1 otherwise
     * @throws IllegalStateException if the launcher was not started
     */
    public int supervise() {
        started().supervisor().supervise();
        return exitCode();
    }

    /**
     * Runs {@link #supervise()} on a daemon thread; {@link #close()} then stops the group.
     *
     * @return this launcher
     * @throws IllegalStateException if the launcher was not started
     */
    public GroupLauncher superviseInBackground() {
        final Started s = started();
        s.supervisor().superviseInBackground(s.group().group().name());
        return this;
    }

    /**
     * Asks the supervisor to stop the group (Ctrl-C, SIGTERM); safe from any thread and from
     * signal handlers. A second request skips the rest of the grace period.
     */
    public void requestShutdown() {
        events.requestStop();
    }

    /**
     * Stops the group now (or, if a supervisor runs, has it stop the group) and waits.
     *
     * @return 0 if no member failed, 1 otherwise
     */
    public int shutdown() {
        final Started s = started;
        if (s != null) {
            s.supervisor().shutdown();
        }
        return exitCode();
    }

    /** Stops the group if it still runs, and cleans up. */
    @Override
    public void close() {
        shutdown();
    }

    /**
     * Tells how the launch went so far.
     *
     * @return 0 if no member failed, 1 otherwise
     */
    public int exitCode() {
        return failures.exitCode();
    }

    /**
     * Lists why the launch fails.
     *
     * @return the failures so far, one line each
     */
    public List<String> failures() {
        return failures.lines();
    }

    /**
     * Gives the group the members run in.
     *
     * @return the group (attached while the launch runs), or null before {@link #start()}
     */
    public ProcessGroup group() {
        final Started s = started;
        return s == null ? null : s.group().group();
    }

    /**
     * Tells whether the group is this launch's own.
     *
     * @return whether this launcher created the group (and destroys it at the end)
     */
    public boolean createdGroup() {
        final Started s = started;
        return s != null && s.group().created();
    }

    /**
     * Lists the members, started or not.
     *
     * @return the members, in start order
     */
    public List<MemberProcess> members() {
        return members.all();
    }

    /**
     * Finds a member by name.
     *
     * @param name a member name
     * @return the member
     * @throws IllegalArgumentException if the spec has no such member
     */
    public MemberProcess member(final String name) {
        return members.get(name);
    }

    /**
     * Waits until a member's current JVM is registered again (after a restart).
     *
     * @param name    member name
     * @param timeout how long
     * @return whether it is registered
     * @throws IllegalArgumentException if the spec has no such member
     * @throws IllegalStateException    if the launcher was not started
     */
    public boolean awaitRegistered(final String name, final Duration timeout) {
        final MemberProcess m = member(name);
        return started().probe().awaitRegistered(m, timeout);
    }

    private Started started() {
        final Started s = started;
        if (s == null) {
            throw new IllegalStateException("the launcher is not started: call start() first");
        }
        return s;
    }

    /**
     * The parts built once the group is open.
     *
     * @param group      the opened group
     * @param probe      the readiness probe
     * @param supervisor the supervisor
     */
    private record Started(LaunchGroup group, ReadinessProbe probe, Supervisor supervisor) {
    }
}
