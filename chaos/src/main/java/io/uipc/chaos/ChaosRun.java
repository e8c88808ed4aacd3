package io.uipc.chaos;

import io.uipc.core.internal.FileTrees;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupSpec;
import io.uipc.table.MemberHandle;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One chaos run: a group of member JVMs ({@link ChaosMember}) mails and interrupts itself while
 * this driver SIGKILLs, SIGSTOPs and SIGCONTs random members at random (seeded) times and
 * restarts the killed ones under the same name. Then it stops the senders, checks that every
 * survivor answers, that the process table is consistent and the dead were reclaimed, that
 * stale handles of dead incarnations fail, lets the survivors drain and leave, checks the
 * accounting ({@link Ledger}) and that no file is left behind.
 */
public final class ChaosRun {
    /** Every timed wait on a member: generous, the machine may be loaded. */
    static final Duration MEMBER_DEADLINE = Duration.ofSeconds(60);
    private static final List<String> MEMBER_JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
        "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.log.net.openhft=warn");
    private static final Set<String> GROUP_FILES = Set.of("table", "domain", "locks", "secret");

    private final ChaosOptions options;
    private final ChaosReport report = new ChaosReport();
    private final SplittableRandom random;
    private final List<MemberIncarnation> current = new ArrayList<>();
    private final List<MemberIncarnation> all = new ArrayList<>();
    private final Map<Integer, Long> resumeAt = new HashMap<>();
    private ProcessGroup group;
    private Path logDir;

    /**
     * Prepares a run; {@link #run()} starts it.
     *
     * @param options what to run
     */
    public ChaosRun(final ChaosOptions options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        report.seed = options.seed();
        report.members = options.members();
    }

    /**
     * Runs, checks and cleans up; never leaves a process running or stopped.
     *
     * @return the report
     * @throws IOException if the group, its files or the members' logs cannot be made or read
     * @throws InterruptedException if interrupted while pacing the chaos
     */
    public ChaosReport run() throws IOException, InterruptedException {
        final long started = System.nanoTime();
        final Path root = options.root().resolve("chaos-" + ProcessHandle.current().pid() + "-" + options.seed());
        logDir = Files.createTempDirectory("uipc-chaos-logs");
        group = ProcessGroup.create(GroupSpec.named("chaos").withRoot(root).withCapacities(64, 256, 1024));
        try {
            group.startReaper();
            for (int i = 0; i < options.members(); i++) {
                current.add(start(i, 0));
            }
            for (final MemberIncarnation m : current) {
                if (!m.awaitReady()) {
                    report.violation(m.name() + " never became ready: " + m.failure());
                }
            }
            if (report.ok()) {
                chaos();
                finish();
            }
        } finally {
            for (final MemberIncarnation m : all) {
                m.destroy();
            }
            group.close();
            teardown(root);
            report.durationMillis = (System.nanoTime() - started) / 1_000_000;
        }
        if (report.ok() || !options.keepLogsOnFailure()) {
            try {
                FileTrees.delete(logDir);
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            System.err.println("chaos: logs kept in " + logDir);
        }
        return report;
    }

    private MemberIncarnation start(final int index, final int incarnation) {
        final String name = ChaosMember.name(index);
        final MemberIncarnation m = MemberIncarnation.start(name, incarnation, GroupEnvironment.forChild(group, name, "chaos", group.readSecret()),
            MEMBER_JVM_OPTIONS, List.of(logDir.toString(), Integer.toString(index), Integer.toString(incarnation),
                Integer.toString(options.members()), Long.toString(options.seed())));
        all.add(m);
        return m;
    }

    /** Random kills and stops, Poisson-timed at the given rates, for the run's duration. */
    private void chaos() throws InterruptedException {
        final long end = System.nanoTime() + options.duration().toNanos();
        final double rate = options.killRate() + options.stopRate();
        while (System.nanoTime() - end < 0) {
            final long gapNanos = (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
            final long next = Math.min(end, System.nanoTime() + gapNanos);
            resumeDue(next);
            sleepUntil(next);
            if (System.nanoTime() - end >= 0) {
                break;
            }
            final int index = random.nextInt(options.members());
            if (random.nextDouble() * rate < options.killRate()) {
                kill(index);
            } else {
                stop(index);
            }
        }
        for (final int index : List.copyOf(resumeAt.keySet())) {
            current.get(index).resume();
        }
        resumeAt.clear();
    }

    private void kill(final int index) {
        final MemberIncarnation victim = current.get(index);
        victim.kill();
        resumeAt.remove(index);
        report.kills++;
        final MemberIncarnation next = start(index, victim.incarnation() + 1);
        current.set(index, next);
        report.restarts++;
    }

    private void stop(final int index) {
        final MemberIncarnation victim = current.get(index);
        if (victim.isStopped()) {
            return;
        }
        victim.stop();
        report.stops++;
        resumeAt.put(index, System.nanoTime() + (long) (random.nextDouble() * options.maxStop().toNanos()));
    }

    private void resumeDue(final long until) throws InterruptedException {
        for (;;) {
            final Map.Entry<Integer, Long> first = resumeAt.entrySet().stream().min(Map.Entry.comparingByValue()).orElse(null);
            if (first == null || first.getValue() - until > 0) {
                return;
            }
            sleepUntil(first.getValue());
            current.get(first.getKey()).resume();
            resumeAt.remove(first.getKey());
        }
    }

    /** The driver's own pacing between chaos events (not synchronisation: members never wait on it). */
    private static void sleepUntil(final long nanoTime) throws InterruptedException {
        final long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private void finish() throws IOException {
        for (final MemberIncarnation m : current) {
            if (MemberHandle.isNull(m.handle()) && !m.awaitReady()) {
                report.violation(m.name() + "." + m.incarnation() + " (restarted) never became ready: " + m.failure());
            }
        }
        for (final MemberIncarnation m : current) {
            m.send("stop");
        }
        for (final MemberIncarnation m : current) {
            if (!m.answered("stop")) {
                report.violation(m.name() + "." + m.incarnation() + " hung: no answer to stop within " + MEMBER_DEADLINE + ": " + m.failure());
            }
        }
        checkTable();
        for (final MemberIncarnation m : current) {
            m.send("finish");
        }
        for (final MemberIncarnation m : current) {
            if (!m.answered("finish") || !m.exitedCleanly()) {
                report.violation(m.name() + "." + m.incarnation() + " did not finish cleanly: " + m.failure());
            }
        }
        final List<Ledger.Survivor> survivors = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            final MemberIncarnation m = current.get(i);
            survivors.add(new Ledger.Survivor(i, m.handle(), m.name(), m.incarnation()));
        }
        report.survivors = survivors.size();
        final Set<String> killed = all.stream().filter(MemberIncarnation::isKilled)
            .map(m -> m.name().substring(1) + "." + m.incarnation()).collect(Collectors.toSet());
        new Ledger(logDir, report).check(survivors, killed);
        group.reap();
        if (!group.members().isEmpty()) {
            report.violation("entries left after every member left: " + group.members());
        }
    }

    /**
     * With every survivor alive and quiet: the reaper reclaimed every killed member; every
     * non-free entry is active, unique by name and owned by the live incarnation; the handles of
     * killed incarnations are stale (no send through them reaches the newcomer of that name).
     */
    private void checkTable() {
        group.reap();
        report.deathsReaped = group.deathsReaped();
        // a member killed before it joined has no entry to reap; one killed after announcing its handle must be reaped
        final long killedJoined = all.stream().filter(m -> m.isKilled() && !MemberHandle.isNull(m.handle())).count();
        if (report.deathsReaped < killedJoined || report.deathsReaped > report.kills) {
            report.violation(report.kills + " members killed (" + killedJoined + " after joining) but " + report.deathsReaped + " reaped");
        }
        final List<MemberInfo> entries = group.members();
        final Set<String> names = new HashSet<>();
        for (final MemberInfo e : entries) {
            if (!names.add(e.name())) {
                report.violation("name " + e.name() + " appears twice in the table: " + entries);
            }
            if (e.state() != MemberState.ACTIVE || ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                report.violation("entry of " + e.name() + " is " + e.state() + " with pid " + e.pid() + " alive: "
                    + ProcessHandle.of(e.pid()).isPresent());
            }
        }
        if (entries.size() != current.size()) {
            report.violation(current.size() + " members alive but " + entries.size() + " table entries: " + entries);
        }
        for (final MemberIncarnation m : current) {
            if (group.lookup(m.name()) != m.handle()) {
                report.violation(m.name() + " resolves to " + MemberHandle.toString(group.lookup(m.name())) + ", not its live incarnation "
                    + MemberHandle.toString(m.handle()));
            }
        }
        for (final MemberIncarnation dead : all) {
            if (dead.isKilled() && !MemberHandle.isNull(dead.handle())) {
                if (group.isLive(dead.handle())) {
                    report.violation("killed " + dead.name() + "." + dead.incarnation() + " still live in the table");
                }
                for (final int vector : new int[] {ChaosMember.DOORBELL, ChaosMember.POKE}) {
                    if (group.uittHandle(dead.handle(), vector) != -1) {
                        report.violation("killed " + dead.name() + "." + dead.incarnation() + " still publishes vector " + vector);
                    }
                }
            }
        }
    }

    /** After every member left: only the group's own files remain; destroying removes them all. */
    private void teardown(final Path root) {
        final Path dir = root.resolve("chaos");
        try (Stream<Path> files = Files.list(dir)) {
            final List<String> extra = files.map(p -> p.getFileName().toString()).filter(n -> !GROUP_FILES.contains(n)).sorted().toList();
            if (!extra.isEmpty() && report.ok()) {
                report.violation("files leaked in the group directory after every member left: " + extra);
            }
        } catch (final IOException e) {
            report.violation("cannot list " + dir + ": " + e);
        }
        ProcessGroup.destroy(dir, true);
        try {
            Files.deleteIfExists(root);
        } catch (final IOException e) {
            report.violation("files leaked under " + root + " after destroy: " + e);
        }
    }

}
