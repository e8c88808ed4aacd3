package io.uipc.launcher.demo;

import io.uipc.core.SendResult;
import io.uipc.launcher.GroupLauncher;
import io.uipc.launcher.LaunchOptions;
import io.uipc.launcher.MemberProcess;
import io.uipc.launcher.PsTable;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.SpecParser;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * {@code uipc demo}: creates a temporary group, launches the demo's database-style group
 * ({@code demo.uipc}), shows the process table, fires interrupts with visible effect (group
 * commits through lgwr; a blocked session cancelled from another process), shows the counters,
 * and stops everything, then checks that no process and no file is left.
 */
public final class Demo {
    /** The demo's spec, a class path resource. */
    public static final String SPEC_RESOURCE = "/io/uipc/launcher/demo/demo.uipc";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
    private static final int COMMIT_ROUNDS = 3;

    private Demo() {
    }

    /** @return the demo's spec */
    public static LaunchSpec spec() {
        try (InputStream in = Demo.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " missing from the launcher jar");
            }
            return SpecParser.parse("demo.uipc", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the demo.
     *
     * @param root directory for the temporary group
     * @param out  where to print
     * @return 0 if every step showed its effect and nothing was left behind, 1 otherwise
     * @throws InterruptedException if interrupted while waiting for a step
     */
    public static int run(final Path root, final PrintStream out) throws InterruptedException {
        final long t0 = System.nanoTime();
        out.println("uipc demo: a database-style group: lgwr (log writer), fg-1 and fg-2 (foregrounds), session.");
        final GroupLauncher launcher = GroupLauncher.start(spec(), LaunchOptions.defaults().root(root).out(out));
        final Path dir = launcher.group().directory();
        final List<MemberProcess> members = launcher.members();
        int code;
        try {
            launcher.superviseInBackground();
            final ProcessGroup group = launcher.group();
            final BiConsumer<String, Integer> send = (name, vector) -> SendResult.check(group.resolve(name, vector).send());

            step(out, "1. The process table (uipc ps " + group.name() + " --dir " + root + "):");
            PsTable.print(group, out);

            step(out, "2. Commits: the shell posts fg-1 and fg-2 (vector " + DemoVectors.COMMIT_REQUEST + "); each posts lgwr"
                + " with its own vector; lgwr takes every commit pending when it wakes (posts that arrive together make one"
                + " group commit), writes once, and posts each committer an ack (vector " + DemoVectors.COMMIT_ACK + ").");
            for (int round = 1; round <= COMMIT_ROUNDS; round++) {
                send.accept("fg-1", DemoVectors.COMMIT_REQUEST);
                send.accept("fg-2", DemoVectors.COMMIT_REQUEST);
                final String ack = "commit #" + round + " acknowledged";
                launcher.member("fg-1").output().await(line -> line.contains(ack), STEP_TIMEOUT);
                launcher.member("fg-2").output().await(line -> line.contains(ack), STEP_TIMEOUT);
            }

            step(out, "3. Cancel: session's thread is blocked in Thread.sleep. The shell asks fg-2 (vector "
                + DemoVectors.CANCEL_REQUEST + ") to cancel it; fg-2 posts session vector " + DemoVectors.CANCEL
                + ", bound to Thread.interrupt() of the sleeping thread.");
            send.accept("fg-2", DemoVectors.CANCEL_REQUEST);
            launcher.member("session").output().await(line -> line.contains("query cancelled"), STEP_TIMEOUT);
            launcher.member("session").output().await(line -> line.contains("running a long query"), STEP_TIMEOUT);

            step(out, "4. The table again: interrupts sent and received per member.");
            PsTable.print(group, out);

            step(out, "5. Shutdown: vector 0 to every member, a grace period, then the group is destroyed.");
        } finally {
            code = launcher.shutdown();
        }
        final long leftover = members.stream().filter(m -> ProcessHandle.of(m.pid()).map(ProcessHandle::isAlive).orElse(false)).count();
        final boolean filesLeft = Files.exists(dir);
        out.printf("uipc demo: %d processes started, %d still running; group directory %s %s; %d ms in all.%n", members.size(),
            leftover, dir, filesLeft ? "STILL EXISTS" : "removed", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return code == 0 && leftover == 0 && !filesLeft ? 0 : 1;
    }

    private static void step(final PrintStream out, final String text) {
        out.println();
        out.println("== " + text);
    }
}
