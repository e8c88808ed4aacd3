package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.Readiness;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupSpec;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

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
 */
public final class GroupLauncher implements AutoCloseable {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final Path SETSID = Paths.get("/usr/bin/setsid");
    private static final Object SHUTDOWN_REQUEST = new Object();

    private final LaunchSpec spec;
    private final LaunchOptions options;
    private final PrintStream out;
    private final String labelFormat;
    private final ChildClassPath classPath;
    private final Map<String, MemberProcess> members = new LinkedHashMap<>();
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean shutdownRequested = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::emergencyStop, "uipc-launcher-cleanup");
    private volatile boolean forceKill;
    private volatile boolean stopping;
    private volatile Thread supervisor;
    private ProcessGroup group;
    private boolean created;
    private boolean rootCreated;
    private String secret;
    private int running;

    private GroupLauncher(final LaunchSpec spec, final LaunchOptions options) {
        this.spec = spec;
        this.options = options;
        this.out = options.out();
        final int width = spec.memberNames().stream().mapToInt(String::length).max().orElse(4);
        this.labelFormat = "%-" + Math.max(4, width) + "s | %s%n";
        this.classPath = ChildClassPath.of(spec, options);
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
     * @throws LaunchException if a member failed to start
     */
    public GroupLauncher start() {
        try {
            startAll();
            return this;
        } catch (final RuntimeException e) {
            stopAll();
            finish();
            throw e;
        }
    }

    private void startAll() {
        openGroup();
        final long t0 = System.nanoTime();
        final List<List<ProcessSpec>> stages = spec.stages();
        for (final List<ProcessSpec> stage : stages) {
            final List<MemberProcess> started = new ArrayList<>();
            for (final ProcessSpec p : stage) {
                for (final String name : p.memberNames()) {
                    final MemberProcess m = new MemberProcess(name, p);
                    members.put(name, m);
                    started.add(m);
                }
            }
            info("starting " + started.stream().map(MemberProcess::name).collect(Collectors.joining(", "))
                + (stages.size() > 1 ? " (order " + stage.get(0).order() + ")" : ""));
            for (final MemberProcess m : started) {
                spawn(m);
            }
            final Optional<String> failure = awaitReady(started);
            if (failure.isPresent()) {
                throw new LaunchException(failure.get());
            }
        }
        info("all " + members.size() + " members ready in " + millis(System.nanoTime() - t0) + " ms");
    }

    private void openGroup() {
        if (options.existingGroup().isPresent()) {
            group = ProcessGroup.attach(options.existingGroup().get());
        } else {
            final String name = spec.groupName().orElse(temporaryName());
            rootCreated = !Files.isDirectory(options.root());
            group = ProcessGroup.create(GroupSpec.named(name).withRoot(options.root())
                .withCapacities(spec.entries(), spec.receivers(), spec.uitt()).withBackend(options.backend()));
            created = true;
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        secret = group.readSecret();
        group.startReaper();
        info("group " + group.name() + (created ? " created" : " attached") + " at " + group.directory()
            + " (backend " + group.domain().backendName() + ")");
    }

    private String temporaryName() {
        final String file = spec.source().substring(spec.source().lastIndexOf('/') + 1);
        final String stem = file.replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        final String base = stem.isEmpty() ? "launch" : stem.substring(0, Math.min(stem.length(), 40));
        return base + "-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
    }

    private void spawn(final MemberProcess m) {
        final ProcessSpec p = m.spec();
        final List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Own session: a Ctrl-C in the terminal reaches the launcher only, which then stops members in order.
            cmd.add(SETSID.toString());
        }
        cmd.addAll(ChildJvm.command(classPath.value(), p.jvmOptions(), p.mainClass(), p.args()));
        final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        options.workDir().ifPresent(dir -> pb.directory(dir.toFile()));
        pb.environment().putAll(GroupEnvironment.forChild(group, m.name(), p.role(), secret));
        pb.environment().put(LaunchedMember.LAUNCHER_PID, Long.toString(ProcessHandle.current().pid()));
        final Process process;
        try {
            process = pb.start();
        } catch (final IOException e) {
            throw new LaunchException("cannot start " + m.name() + ": " + e.getMessage());
        }
        m.started(process, System.nanoTime());
        running++;
        final Thread pump = new Thread(() -> pump(m, process), "uipc-output-" + m.name());
        pump.setDaemon(true);
        pump.start();
    }

    /** Copies a member's output, prefixed with its name, then reports its exit. */
    private void pump(final MemberProcess m, final Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                print(m.name(), line);
                m.output().add(line);
            }
        } catch (final IOException e) {
            print(m.name(), "(output lost: " + e.getMessage() + ")");
        }
        boolean interrupted = false;
        for (;;) {
            try {
                events.add(new Exited(m, process, process.waitFor()));
                break;
            } catch (final InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return empty when all are ready, else why not (a member exited, timed out, or a stop was requested) */
    private Optional<String> awaitReady(final Collection<MemberProcess> started) {
        final long deadline = System.nanoTime() + spec.readyTimeout().toNanos();
        final Set<MemberProcess> waiting = new LinkedHashSet<>();
        for (final MemberProcess m : started) {
            if (m.spec().readiness() != Readiness.STARTED) {
                waiting.add(m);
            } else {
                info("  " + m.name() + " started: pid " + m.pid());
            }
        }
        while (!waiting.isEmpty()) {
            if (shutdownRequested.get() || Thread.currentThread().isInterrupted()) {
                return Optional.of((shutdownRequested.get() ? "stop requested" : "interrupted") + " while waiting for "
                    + names(waiting) + " to register");
            }
            for (final Iterator<MemberProcess> it = waiting.iterator(); it.hasNext();) {
                final MemberProcess m = it.next();
                if (isRegistered(m)) {
                    info("  " + m.name() + " registered: pid " + m.pid() + ", " + millis(System.nanoTime() - m.startNanos()) + " ms");
                    it.remove();
                } else if (!m.isAlive()) {
                    return Optional.of(m.name() + " (" + m.spec().mainClass() + ") exited with code " + m.process().exitValue()
                        + describeSignal(m.process().exitValue()) + " before it registered in the group" + lastLine(m));
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() - deadline > 0) {
                return Optional.of(names(waiting) + " did not register in the group within " + spec.readyTimeout().toMillis()
                    + " ms (ready-timeout); 'ready = registered' waits for its name and the shutdown vector 0, as"
                    + " LaunchedMember.join() publishes them; use 'ready = joined' for members that do not accept vector 0");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return Optional.empty();
    }

    private boolean isRegistered(final MemberProcess m) {
        final long handle = group.lookup(m.name());
        if (handle == -1 || m.spec().readiness() == Readiness.REGISTERED && group.uittHandle(handle, GroupVectors.SHUTDOWN) == -1) {
            return false;
        }
        final Optional<MemberInfo> info = group.member(m.name());
        return info.isPresent() && info.get().pid() == m.pid() && info.get().state().equals("active");
    }

    private static String lastLine(final MemberProcess m) {
        final List<String> tail = m.output().tail(1);
        return tail.isEmpty() ? " (it printed nothing)" : "; its last output: " + tail.get(0).strip();
    }

    /**
     * Supervises until the group stops: restarts members per policy, reports deaths, and
     * stops everything on {@link #requestShutdown()}, a member failing for good (per
     * {@code on-failure}), or when every member has exited. Then cleans up.
     *
     * @return 0 if no member failed, 1 otherwise
     */
    public int supervise() {
        supervisor = Thread.currentThread();
        info("supervising " + members.size() + " members (Ctrl-C or SIGTERM stops the group)");
        return superviseLoop();
    }

    private int superviseLoop() {
        try {
            while (running > 0 && !stopping) {
                final Object event = events.take();
                if (event == SHUTDOWN_REQUEST) {
                    info("stop requested");
                    stopAll();
                } else {
                    onExit((Exited) event);
                }
            }
            if (!stopping) {
                info("every member has exited");
            }
        } catch (final InterruptedException e) {
            stopAll();
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
        return exitCode();
    }

    /**
     * Runs {@link #supervise()} on a daemon thread; {@link #close()} then stops the group.
     *
     * @return this launcher
     */
    public GroupLauncher superviseInBackground() {
        info("supervising " + members.size() + " members");
        final Thread t = new Thread(this::superviseLoop, "uipc-supervisor-" + group.name());
        t.setDaemon(true);
        supervisor = t;
        t.start();
        return this;
    }

    private void onExit(final Exited exit) {
        final MemberProcess m = exit.member();
        if (exit.process() != m.process()) {
            return;
        }
        running--;
        if (exit.code() == 0) {
            info(m.name() + " (pid " + exit.process().pid() + ") exited with code 0");
            return;
        }
        info(m.name() + " (pid " + exit.process().pid() + ") died: exit code " + exit.code() + describeSignal(exit.code()));
        final int max = m.spec().restart().maxRestarts();
        if (m.restarts() < max) {
            m.restarted();
            info("restarting " + m.name() + " (restart " + m.restarts() + " of " + max + ")");
            freeName(m.name());
            spawn(m);
            awaitReady(List.of(m)).ifPresent(why -> {
                info(why);
                m.kill();
            });
            return;
        }
        failures.add(m.name() + " exited with code " + exit.code() + (max > 0 ? " after " + max + " restarts" : ""));
        info(m.name() + " failed for good (restart = " + m.spec().restart() + ")");
        if (spec.onFailure() == io.uipc.launcher.spec.FailureAction.SHUTDOWN) {
            info("stopping the group (on-failure = shutdown)");
            stopAll();
        }
    }

    /** Reaps the dead incarnation's entry so the name can be joined again (the monitor thread may be reaping it too). */
    private void freeName(final String name) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        group.reap();
        while (group.lookup(name) != -1 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            group.reap();
        }
    }

    /**
     * Asks the supervisor to stop the group (Ctrl-C, SIGTERM); safe from any thread and from
     * signal handlers. A second request skips the rest of the grace period.
     */
    public void requestShutdown() {
        if (!shutdownRequested.compareAndSet(false, true)) {
            forceKill = true;
        }
        events.add(SHUTDOWN_REQUEST);
    }

    /**
     * Stops the group now (or, if a supervisor runs, has it stop the group) and waits.
     *
     * @return 0 if no member failed, 1 otherwise
     */
    public int shutdown() {
        final Thread t = supervisor;
        if (t != null && t != Thread.currentThread()) {
            requestShutdown();
            try {
                t.join();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (t == null) {
            stopAll();
            finish();
        }
        return exitCode();
    }

    private void stopAll() {
        if (stopping) {
            return;
        }
        stopping = true;
        final List<MemberProcess> alive = members.values().stream().filter(MemberProcess::isAlive).collect(Collectors.toList());
        if (alive.isEmpty()) {
            return;
        }
        final Map<MemberProcess, Target> vectored = new LinkedHashMap<>();
        final List<MemberProcess> termed = new ArrayList<>();
        for (final MemberProcess m : alive) {
            shutdownTarget(m).ifPresentOrElse(t -> vectored.put(m, t), () -> termed.add(m));
        }
        info("stopping " + alive.size() + " members" + (vectored.isEmpty() ? "" : ": shutdown vector " + GroupVectors.SHUTDOWN
            + " to " + names(vectored.keySet())) + (termed.isEmpty() ? "" : (vectored.isEmpty() ? ": " : "; ") + "SIGTERM to "
            + names(termed)) + "; grace period " + spec.gracePeriod().toMillis() + " ms");
        vectored.forEach((m, t) -> {
            if (!SendResult.isPosted(t.send())) {
                m.process().destroy();
                termed.add(m);
            }
        });
        termed.forEach(m -> m.process().destroy());
        final long deadline = System.nanoTime() + spec.gracePeriod().toNanos();
        for (final MemberProcess m : alive) {
            waitUntil(m.process(), deadline);
        }
        for (final MemberProcess m : alive) {
            if (m.isAlive()) {
                m.kill();
                failures.add(m.name() + " did not stop within the grace period");
                info(m.name() + " (pid " + m.pid() + ") still running after the grace period: killed");
            }
        }
        for (final MemberProcess m : alive) {
            final int code = waitForExit(m.process());
            if (code != 0 && !(termed.contains(m) && code == 143) && code != 137) {
                failures.add(m.name() + " exited with code " + code + " while stopping");
                info(m.name() + " exited with code " + code + describeSignal(code) + " while stopping");
            }
        }
        info("all members stopped");
    }

    /** @return the member's shutdown target, if its current JVM is registered and accepts the vector */
    private Optional<Target> shutdownTarget(final MemberProcess m) {
        try {
            return group.member(m.name()).filter(info -> info.pid() == m.pid())
                .map(info -> group.resolve(m.name(), GroupVectors.SHUTDOWN));
        } catch (final UipcException e) {
            return Optional.empty();
        }
    }

    private void waitUntil(final Process p, final long deadline) {
        try {
            while (!forceKill && p.isAlive()) {
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                p.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waitForExit(final Process p) {
        try {
            if (p.waitFor(10, TimeUnit.SECONDS)) {
                return p.exitValue();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** Reaps what dead members left, detaches, and destroys the group if this launcher created it. */
    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down (this runs from the hook), or the hook was never added
        }
        if (group == null) {
            return;
        }
        final Path dir = group.directory();
        try {
            group.reap();
        } finally {
            group.close();
        }
        if (created) {
            ProcessGroup.destroy(dir, true);
            info("group " + dir.getFileName() + " destroyed");
            removeRootIfCreated();
        }
    }

    /** Removes the group root this launcher's group creation made, unless another group is in it by now. */
    private void removeRootIfCreated() {
        if (!rootCreated) {
            return;
        }
        try {
            Files.deleteIfExists(options.root());
        } catch (final DirectoryNotEmptyException e) {
            // another group lives there now: the root is its too
        } catch (final IOException e) {
            info("could not remove the group root " + options.root() + " this launch created: " + e);
        }
    }

    /** The shutdown hook: the JVM is exiting without having stopped the group. */
    private void emergencyStop() {
        if (finished.get()) {
            return;
        }
        for (final MemberProcess m : members.values()) {
            m.kill();
        }
        for (final MemberProcess m : members.values()) {
            if (m.process() != null) {
                waitForExit(m.process());
            }
        }
        finish();
    }

    /** Stops the group if it still runs, and cleans up. */
    @Override
    public void close() {
        shutdown();
    }

    /** {@return 0 if no member failed, 1 otherwise} */
    public int exitCode() {
        return failures.isEmpty() ? 0 : 1;
    }

    /** {@return the failures so far, one line each} */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** {@return the group (attached while the launch runs)} */
    public ProcessGroup group() {
        return group;
    }

    /** {@return whether this launcher created the group (and destroys it at the end)} */
    public boolean createdGroup() {
        return created;
    }

    /** {@return the members, in start order} */
    public List<MemberProcess> members() {
        return List.copyOf(members.values());
    }

    /**
     * {@return the member}
     *
     * @param name a member name
     * @throws IllegalArgumentException if the spec has no such member
     */
    public MemberProcess member(final String name) {
        final MemberProcess m = members.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no member named '" + name + "' in this launch; members: " + members.keySet());
        }
        return m;
    }

    /**
     * Waits until a member's current JVM is registered again (after a restart).
     *
     * @param name    member name
     * @param timeout how long
     * @return whether it is registered
     */
    public boolean awaitRegistered(final String name, final Duration timeout) {
        final MemberProcess m = member(name);
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!isRegistered(m)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    private void info(final String message) {
        print("uipc", message);
    }

    private void print(final String label, final String line) {
        synchronized (out) {
            out.printf(labelFormat, label, line);
            out.flush();
        }
    }

    private static String names(final Collection<MemberProcess> ms) {
        return ms.stream().map(MemberProcess::name).collect(Collectors.joining(", "));
    }

    private static long millis(final long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * @param code an exit code
     * @return " (killed by SIGKILL)" and the like for codes above 128, else ""
     */
    static String describeSignal(final int code) {
        if (code <= 128 || code > 128 + 64) {
            return "";
        }
        final int signal = code - 128;
        final String name;
        switch (signal) {
            case 1: name = "SIGHUP"; break;
            case 2: name = "SIGINT"; break;
            case 6: name = "SIGABRT"; break;
            case 9: name = "SIGKILL"; break;
            case 11: name = "SIGSEGV"; break;
            case 15: name = "SIGTERM"; break;
            default: name = "signal " + signal;
        }
        return " (killed by " + name + ")";
    }

    /** A member's JVM exited. */
    private record Exited(MemberProcess member, Process process, int code) {
    }
}
