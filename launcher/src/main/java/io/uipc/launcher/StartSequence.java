package io.uipc.launcher;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the members order by order, as a database instance starts its background processes:
 * every JVM of one order at once, then waits until each is ready before the next order starts.
 * The first member that is not ready ends the start with a {@link LaunchException}; stopping
 * what did start is the caller's job (the {@link StopSequence}).
 */
final class StartSequence {
    private final MemberRoster members;
    private final MemberSpawner spawner;
    private final ReadinessProbe probe;
    private final LaunchConsole console;

    /**
     * @param members what to start
     * @param spawner starts each JVM
     * @param probe   waits until each is ready
     * @param console where progress goes
     */
    StartSequence(final MemberRoster members, final MemberSpawner spawner, final ReadinessProbe probe, final LaunchConsole console) {
        this.members = members;
        this.spawner = spawner;
        this.probe = probe;
        this.console = console;
    }

    /**
     * Starts every member and returns once all are ready.
     *
     * @throws LaunchException if a member could not be started or was not ready, or a stop was requested meanwhile
     */
    void run() {
        final long t0 = System.nanoTime();
        final List<List<MemberProcess>> stages = members.stages();
        for (final List<MemberProcess> stage : stages) {
            console.info("starting " + MemberRoster.names(stage)
                + (stages.size() > 1 ? " (order " + stage.get(0).spec().order() + ")" : ""));
            for (final MemberProcess m : stage) {
                spawner.spawn(m);
            }
            final Optional<String> failure = probe.awaitReady(stage);
            if (failure.isPresent()) {
                throw new LaunchException(failure.get());
            }
        }
        console.info("all " + members.size() + " members ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
    }
}
