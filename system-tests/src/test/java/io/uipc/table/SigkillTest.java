package io.uipc.table;

import io.uipc.core.SendResult;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import io.uipc.testing.raw.GroupInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL (Process.destroyForcibly) members at random points: in the middle of joining,
 * accepting, sending, awaiting and leaving. The survivors' elected reaper must reclaim every
 * dead member's entry, UPID and UITT entries; the table must stay consistent; cached targets
 * to the dead must fail and never reach a newcomer in the same slot; survivors must neither
 * hang nor be declared dead; death notices must reach exactly the members that asked.
 */
class SigkillTest {
    /** Kills per run: 50 by default; CI's second JDK run sets fewer ({@code -Duipc.sigkill.kills}), having run 50 on the first. */
    private static final int KILLS = Integer.getInteger("uipc.sigkill.kills", 50);
    private static final long RECLAIM_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Orphan UPIDs of a process killed mid-claim are freed by the second orphan sweep: sweeps run every 5 s. */
    private static final long SWEEP_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int NOTICE = 63;

    @Test
    @Timeout(900)
    void sigkillsAtRandomPointsLeaveAConsistentTable() throws IOException {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("chaos", 24, 64, 1024)) {
            final String secret = group.readSecret();
            final GroupInspector inspector = new GroupInspector(group);
            final List<JvmProcess> survivors = new ArrayList<>();
            JvmProcess next = null;
            try {
                for (int s = 0; s < 3; s++) {
                    survivors.add(JvmProcess.start("s-" + s, MemberChild.class));
                }
                for (int s = 0; s < 3; s++) {
                    survivors.get(s).call("attach " + group.directory());
                    survivors.get(s).call("join s-" + s + " " + secret + " " + (s < 2 ? NOTICE : -1) + " 1,2" + (s < 2 ? "" : "," + NOTICE));
                }
                awaitTrue(() -> survivors.stream().anyMatch(j -> j.pid() == group.reaperPid()), "a survivor's monitor elected reaper",
                    inspector);
                for (int s = 0; s < 3; s++) {
                    survivors.get(s).call("serve 500 " + String.join(" ", peers(s)));
                }
                final List<Long> reclaimMicros = new ArrayList<>();
                final Map<String, Integer> phases = new TreeMap<>();
                final Map<String, Integer> staleCodes = new TreeMap<>();
                final List<String> staleTargets = new ArrayList<>();
                final long started = System.nanoTime();
                next = startVictim(0);
                for (int i = 0; i < KILLS; i++) {
                    final JvmProcess victim = next;
                    victim.call("attach " + group.directory());
                    next = startVictim(i + 1);
                    final boolean churn = i % 2 == 0;
                    final String name = "victim-" + i;
                    final Path phaseFile = groups.root().resolve("phase-" + i);
                    victim.call("chaos " + (churn ? "churn" : "steady") + " " + name + " " + secret + " " + phaseFile + " s-0 s-1 s-2");
                    if (!churn) {
                        survivors.get(0).call("resolve " + name + " 1");
                        assertTrue(SendResult.isPosted(Integer.parseInt(survivors.get(0).call("sendcached " + name + " 1"))));
                        staleTargets.add(name);
                    }
                    // Chaos timing, not synchronisation: the kill lands wherever the victim's loop is.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(20, 250)));
                    victim.kill();
                    final long killed = System.nanoTime();
                    final boolean leftAnEntry = !inspector.deadEntries().isEmpty();
                    phases.merge((churn ? "churn/" : "steady/") + MemberChild.PHASES[Files.readAllBytes(phaseFile)[0]], 1, Integer::sum);
                    awaitTrue(() -> inspector.deadEntries().isEmpty(), "entries of killed " + name + " reclaimed", inspector);
                    if (leftAnEntry) {
                        reclaimMicros.add((System.nanoTime() - killed) / 1_000);
                    }
                    if (!churn) {
                        final int code = Integer.parseInt(survivors.get(0).call("sendcached " + name + " 1"));
                        assertTrue(code == SendResult.STALE_ENTRY || code == SendResult.RECEIVER_GONE, SendResult.describe(code));
                        staleCodes.merge(SendResult.describe(code), 1, Integer::sum);
                    }
                }
                next.close();
                final long quiet = System.nanoTime();
                awaitTrue(() -> inspector.violations().isEmpty(), "table consistent, orphan UPIDs swept", inspector, SWEEP_DEADLINE_NANOS);
                final long consistentMillis = (System.nanoTime() - quiet) / 1_000_000;

                final long[] sorted = reclaimMicros.stream().mapToLong(Long::longValue).sorted().toArray();
                final int n = sorted.length;
                System.out.printf("SIGKILL x %d in %d s: %d left an entry, reaped %d; their reclaim after the kill (ms) min %.1f p50 %.1f"
                        + " p90 %.1f max %.1f; consistent (incl. orphan sweep) %d ms after the last; kill points %s; stale sends %s%n",
                    KILLS, (System.nanoTime() - started) / 1_000_000_000, n, group.deathsReaped(), sorted[0] / 1e3, sorted[n / 2] / 1e3,
                    sorted[n * 9 / 10] / 1e3, sorted[n - 1] / 1e3, consistentMillis, phases, staleCodes);
                System.out.println("reclaim micros: " + Arrays.toString(sorted));

                for (final String name : staleTargets) {
                    final int code = Integer.parseInt(survivors.get(0).call("sendcached " + name + " 1"));
                    assertFalse(SendResult.isPosted(code), name + ": a stale target reached someone: " + SendResult.describe(code));
                }
                for (int s = 0; s < 3; s++) {
                    final String st = survivors.get(s).call("stop");
                    System.out.println("survivor s-" + s + " " + st);
                    assertTrue(st.contains(" failed=0 ") && st.endsWith(" lost=no"), "s-" + s + ": " + st);
                    assertTrue(count(st, 2) > 0, "s-" + s + " heard from its peers: " + st);
                    assertTrue(s < 2 ? count(st, NOTICE) > 0 : count(st, NOTICE) == 0, "death notices only to those that asked: s-" + s + ": " + st);
                }
                for (int s = 0; s < 3; s++) {
                    final String codes = survivors.get(s).call("send name 1 " + String.join(" ", peers(s)));
                    assertTrue(Arrays.stream(codes.split(",")).mapToInt(Integer::parseInt).allMatch(SendResult::isPosted), codes);
                }
                for (int s = 0; s < 3; s++) {
                    survivors.get(s).send("collect 2 30000");
                    final long taken = Long.parseLong(survivors.get(s).reply("collect"), 16);
                    assertTrue((taken & 2) != 0, "s-" + s + " still receives: " + taken);
                }
                assertEquals(List.of(), inspector.violations());
                assertEquals(List.of("s-0", "s-1", "s-2"), group.liveMemberNames());
                final long reaped = group.deathsReaped();
                assertTrue(reaped >= KILLS / 2 && reaped <= KILLS, "every steady victim held an entry when killed: " + reaped);
            } finally {
                if (next != null) {
                    next.close();
                }
                survivors.forEach(JvmProcess::close);
            }
        }
    }

    @Test
    @Timeout(120)
    void aCachedTargetToAMemberKilledMidAwaitNeverReachesTheNewcomerInItsSlot() {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("reuse", 1, 1, 1)) {
            group.startReaper();
            final String secret = group.readSecret();
            final GroupInspector inspector = new GroupInspector(group);
            try (JvmProcess victim = JvmProcess.start("victim", MemberChild.class);
                 JvmProcess newcomer = JvmProcess.start("newcomer", MemberChild.class)) {
                victim.call("attach " + group.directory());
                newcomer.call("attach " + group.directory());
                final String[] before = victim.call("join lgwr " + secret + " -1 5").split(" ");
                final Target cached = group.resolve("lgwr", 5);
                victim.send("collect 1 60000");
                awaitTrue(() -> inspector.blocked(Integer.parseInt(before[2])), "victim blocked in await", inspector);
                victim.kill();
                awaitTrue(() -> group.members().isEmpty() && inspector.violations().isEmpty() && group.deathsReaped() == 1,
                    "victim reclaimed and counted", inspector);

                final String[] after = newcomer.call("join lgwr " + secret + " -1 5").split(" ");
                assertEquals(before[0], after[0], "the only slot was reused");
                assertEquals(before[2], after[2], "the only UPID was reused");
                assertNotEquals(before[1], after[1], "with a new generation (SERIAL#)");
                final Target fresh = group.resolve("lgwr", 5);
                assertEquals(io.uipc.core.UittHandle.index(cached.uittHandle()), io.uipc.core.UittHandle.index(fresh.uittHandle()),
                    "the only UITT entry was reused");
                assertFalse(group.isLive(cached.memberHandle()));
                assertEquals(ProcessGroup.NO_UITT_HANDLE, group.uittHandle(cached.memberHandle(), 5));
                assertEquals(SendResult.STALE_ENTRY, cached.send());
                newcomer.send("collect 20 300");
                assertEquals("0", newcomer.reply("collect"), "the stale send reached nobody");
                assertTrue(SendResult.isPosted(fresh.send()));
                newcomer.send("collect 20 30000");
                assertEquals("20", newcomer.reply("collect"));
            }
        }
    }

    @Test
    @Timeout(120)
    void killingTheElectedReaperHandsTheElectionToASurvivorThatReapsIt() {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("failover", 8, 8, 64)) {
            final String secret = group.readSecret();
            final GroupInspector inspector = new GroupInspector(group);
            final List<JvmProcess> jvms = new ArrayList<>();
            try {
                for (int k = 0; k < 3; k++) {
                    jvms.add(JvmProcess.start("r-" + k, MemberChild.class));
                }
                for (int k = 0; k < 3; k++) {
                    jvms.get(k).call("attach " + group.directory());
                    jvms.get(k).call("join r-" + k + " " + secret + " " + NOTICE + " 1");
                }
                awaitTrue(() -> group.reaperPid() != 0, "a reaper elected", inspector);
                final long reaper = group.reaperPid();
                final JvmProcess elected = jvms.stream().filter(j -> j.pid() == reaper).findFirst()
                    .orElseThrow(() -> new AssertionError("reaper pid " + reaper + " is none of the members"));
                elected.kill();
                final long killed = System.nanoTime();
                awaitTrue(() -> inspector.deadEntries().isEmpty(), "the dead reaper's entry reclaimed by a successor", inspector);
                final long millis = (System.nanoTime() - killed) / 1_000_000;
                awaitTrue(() -> group.deathsReaped() == 1, "the reclaim counted (after the entry is freed)", inspector);
                assertNotEquals(reaper, group.reaperPid());
                assertTrue(jvms.stream().anyMatch(j -> j.pid() == group.reaperPid()), "a survivor was elected");
                assertEquals(2, group.liveMemberNames().size());
                assertEquals(List.of(), inspector.violations());
                System.out.println("reaper pid " + reaper + " killed; successor " + group.reaperPid() + " reaped it in " + millis + " ms");
            } finally {
                jvms.forEach(JvmProcess::close);
            }
        }
    }

    /** Victims only start, run and die: C1 alone boots them faster on a loaded machine. */
    private static JvmProcess startVictim(final int i) {
        return JvmProcess.builder("victim-" + i, MemberChild.class).jvmOption("-XX:TieredStopAtLevel=1").start();
    }

    private static long count(final String stats, final int vector) {
        final String counts = stats.substring(stats.indexOf("counts=") + 7, stats.indexOf(" lost="));
        return Arrays.stream(counts.split(",")).filter(c -> c.startsWith(vector + ":"))
            .mapToLong(c -> Long.parseLong(c.substring(c.indexOf(':') + 1))).sum();
    }

    private static List<String> peers(final int s) {
        final List<String> p = new ArrayList<>(List.of("s-0", "s-1", "s-2"));
        p.remove(s);
        return p;
    }

    /** Polls {@code condition} every millisecond until it holds, failing after the reclaim deadline. */
    private static void awaitTrue(final BooleanSupplier condition, final String what, final GroupInspector inspector) {
        awaitTrue(condition, what, inspector, RECLAIM_DEADLINE_NANOS);
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what, final GroupInspector inspector,
                                  final long timeoutNanos) {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": not within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos)
                    + " s; dead entries " + inspector.deadEntries() + ", violations " + inspector.violations());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
