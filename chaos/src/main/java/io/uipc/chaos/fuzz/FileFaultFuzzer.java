package io.uipc.chaos.fuzz;

import io.uipc.core.internal.FileTrees;
import io.uipc.table.GroupFileNames;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The file-fault fuzzer: truncates or replaces a file of a live group under two member JVMs
 * ({@link FileFaultMember}) and checks what they do. Each round creates a group, has both
 * members join it and work (interrupts and mail to each other), then damages one of
 * {@code table}, {@code domain}, {@code locks}, {@code inbox.a}, {@code inbox.b}, in turn, as the
 * seed chooses: truncated to a random length below its size (inboxes only from JDK 21 on, see
 * {@link #TRUNCATE_INBOXES}), or replaced by a copy renamed over it.
 * Within {@link #SETTLE} every member must either have reported the loss or the fault in one
 * line, or still be working (its loop advancing); at the end both JVMs must still run (no crash),
 * must have printed no stack trace, and must exit 0.
 *
 * <p>Arguments {@code <group root> <seed> <rounds>}. Prints {@code outcome <file> <action>
 * <verdict> <count>} lines, {@code FAILURE ...} lines, and {@code filefuzz: ... failures N};
 * exit 0 without failures.
 */
public final class FileFaultFuzzer {
    /** How long a member has to report a damaged file: a few periods of the group's liveness thread (200 ms). */
    static final Duration SETTLE = Duration.ofMillis(1000);
    private static final String[] FILES = {GroupFileNames.TABLE, GroupFileNames.DOMAIN, GroupFileNames.LOCKS, "inbox.a", "inbox.b"};
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Iterations each member works before the damage: its loop is compiled by then, as in a member under load. */
    private static final long WARM = 20_000;
    /**
     * Whether inboxes are truncated. On JDK 17 a compare-and-set that interpreted code makes on a
     * page past a file's end (an offer's claim on a truncated inbox) is a SIGBUS inside the JVM's
     * {@code Unsafe_CompareAndSetLong}, which JDK 17 does not turn into an {@code InternalError}:
     * the JVM crashes. Later JDKs (25 here) report it as an {@code InternalError}. Inboxes are
     * replaced on every JDK.
     */
    private static final boolean TRUNCATE_INBOXES = Runtime.version().feature() >= 21;

    private final Path root;
    private final SplittableRandom random;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private long failures;

    private FileFaultFuzzer(final Path root, final long seed) {
        this.root = root;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Runs the rounds and exits 0 if every member behaved, 1 otherwise.
     *
     * @param args group root, seed, rounds
     * @throws Exception if a file cannot be damaged
     */
    public static void main(final String[] args) throws Exception {
        final FileFaultFuzzer fuzzer = new FileFaultFuzzer(Paths.get(args[0]), Long.parseLong(args[1]));
        final long started = System.nanoTime();
        final int rounds = Integer.parseInt(args[2]);
        try (JvmProcess a = JvmProcess.start("a", FileFaultMember.class); JvmProcess b = JvmProcess.start("b", FileFaultMember.class)) {
            for (int r = 0; r < rounds; r++) {
                fuzzer.round(r, a, b);
            }
            fuzzer.checkSurvivors(List.of(a, b));
        }
        fuzzer.outcomes.forEach((k, v) -> System.out.println("outcome " + k + " " + v));
        System.out.printf("filefuzz: rounds %d, failures %d, %.1f s%n", rounds, fuzzer.failures, (System.nanoTime() - started) / 1e9);
        System.exit(fuzzer.failures == 0 ? 0 : 1);
    }

    private void round(final int round, final JvmProcess a, final JvmProcess b) throws IOException {
        final Path dir;
        final String secret;
        try (ProcessGroup group = ProcessGroup.create(GroupSpec.named("f" + round).withRoot(root).withCapacities(8, 16, 64))) {
            dir = group.directory();
            secret = group.readSecret();
        }
        a.call("join " + dir + " a " + secret + " b");
        b.call("join " + dir + " b " + secret + " a");
        awaitWorking(a, dir);
        awaitWorking(b, dir);
        final String file = FILES[round % FILES.length];
        final boolean truncate = random.nextBoolean() && (TRUNCATE_INBOXES || !file.startsWith(GroupFileNames.INBOX_PREFIX));
        final String action = damage(dir.resolve(file), truncate);
        final long damaged = System.nanoTime();
        for (final JvmProcess m : List.of(a, b)) {
            final String verdict = verdict(m, dir, damaged);
            outcomes.merge(file + " " + (truncate ? "truncated" : "replaced") + " " + verdict, 1L, Long::sum);
            if (verdict.startsWith("FAILURE")) {
                failures++;
                System.out.println("FAILURE round " + round + ": " + file + " " + action + ": member " + m.name() + " " + verdict);
            }
        }
        a.call("leave " + dir);
        b.call("leave " + dir);
        FileTrees.delete(dir);
    }

    /** @return how the file was damaged, for messages */
    private String damage(final Path file, final boolean truncate) throws IOException {
        if (truncate) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                final long length = random.nextLong(ch.size());
                ch.truncate(length);
                return "truncated to " + length;
            }
        }
        final Path copy = file.resolveSibling(file.getFileName() + ".copy");
        Files.copy(file, copy);
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return "replaced by a copy";
    }

    /**
     * @return "halted" if the member reported the loss or a fault of the group in one line each,
     *     "working" if it did not and its loop still advances, else a FAILURE saying why
     */
    private static String verdict(final JvmProcess m, final Path dir, final long damaged) {
        long before = -1;
        while (System.nanoTime() - damaged < SETTLE.toNanos()) {
            LockSupport.parkNanos(POLL_NANOS);
            if (reported(m, dir) > 0) {
                break;
            }
            if (before < 0 && System.nanoTime() - damaged > SETTLE.toNanos() / 2) {
                before = progress(m, dir);
            }
        }
        final long lines = reported(m, dir);
        if (lines > 2) {
            return "FAILURE: " + lines + " lines about " + dir + ", expected one each for the loss and a fault";
        }
        if (lines > 0) {
            return "halted";
        }
        return progress(m, dir) > before ? "working" : "FAILURE: neither reported the damage nor kept working (hung?)";
    }

    private static long reported(final JvmProcess m, final Path dir) {
        return m.output().lines().filter(l -> l.startsWith("lost " + dir + ":") || l.startsWith("fault " + dir + ":")).count();
    }

    private static long progress(final JvmProcess m, final Path dir) {
        return Long.parseLong(m.call("progress " + dir));
    }

    private static void awaitWorking(final JvmProcess m, final Path dir) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (progress(m, dir) < WARM) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("member " + m.name() + " does not work in " + dir);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Both JVMs still run (no crash), printed no stack trace, and answer. */
    private void checkSurvivors(final List<JvmProcess> members) {
        for (final JvmProcess m : members) {
            final String output = m.output();
            if (!m.isAlive() || output.contains("\tat ") || output.contains("Exception in thread") || output.contains("uncaught in")
                || output.contains("hs_err")) {
                failures++;
                System.out.println("FAILURE member " + m.name() + (m.isAlive() ? "" : " died") + "; its output:\n" + output);
            }
        }
    }
}
