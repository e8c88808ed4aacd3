package io.uipc.table;

import io.uipc.core.SendResult;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import io.uipc.testing.raw.GroupInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight JVMs join one group, each accepts vectors, and each sends to every other by name,
 * round after round, alternating lookup-per-send (lookup + uittHandle) and cached targets
 * (resolve). Sender k sends vector k, so every receiver must take exactly the vectors of the
 * seven others each round, plus the test's end-of-round vector 8 (which also keeps receivers
 * blocked in await while the others send, so senders wake them across processes).
 */
class MultiProcessDeliveryTest {
    private static final int JVMS = 8;
    private static final int ROUNDS = 20;
    private static final int END_OF_ROUND = 8;

    @Test
    @Timeout(300)
    void eightJvmsEachSendToEveryOtherByNameAndEveryDeliveryArrives() {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("eight", 16, 32, 256)) {
            group.startReaper();
            final String secret = group.readSecret();
            final List<JvmProcess> jvms = new ArrayList<>();
            try {
                for (int k = 0; k < JVMS; k++) {
                    jvms.add(JvmProcess.start("m-" + k, MemberChild.class));
                }
                for (final JvmProcess jvm : jvms) {
                    assertEquals(Long.toString(jvm.pid()), jvm.call("attach " + group.directory()));
                }
                for (int k = 0; k < JVMS; k++) {
                    jvms.get(k).call("join m-" + k + " " + secret + " -1 0,1,2,3,4,5,6,7," + END_OF_ROUND);
                }
                final GroupInspector inspector = new GroupInspector(group);
                assertEquals(List.of(), inspector.violations());
                for (int k = 0; k < JVMS; k++) {
                    final List<MemberInfo> of = group.membersOfPid(jvms.get(k).pid());
                    assertEquals(1, of.size());
                    assertEquals("m-" + k, of.get(0).name());
                    assertEquals(9, of.get(0).uittIndices().size(), "each published its nine vectors");
                }
                final List<Target> endOfRound = new ArrayList<>();
                for (int k = 0; k < JVMS; k++) {
                    endOfRound.add(group.resolve("m-" + k, END_OF_ROUND));
                }
                int woken = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    final String mode = round % 2 == 0 ? "name" : "cached";
                    for (int k = 0; k < JVMS; k++) {
                        jvms.get(k).send("collect " + Long.toHexString(expected(k)) + " 30000");
                    }
                    for (int k = 0; k < JVMS; k++) {
                        final String codes = jvms.get(k).call("send " + mode + " " + k + " " + others(k));
                        for (final String code : codes.split(",")) {
                            final int c = Integer.parseInt(code);
                            assertTrue(SendResult.isPosted(c), "round " + round + " m-" + k + ": " + SendResult.describe(c));
                            woken += c == SendResult.WOKEN ? 1 : 0;
                        }
                    }
                    for (final Target t : endOfRound) {
                        assertTrue(SendResult.isPosted(t.send()));
                    }
                    for (int k = 0; k < JVMS; k++) {
                        assertEquals(Long.toHexString(expected(k)), jvms.get(k).reply("collect"), "round " + round + " m-" + k);
                    }
                }
                for (final MemberInfo m : group.members()) {
                    assertEquals(JVMS * (long) ROUNDS, m.received(), m.name() + " received: 7 peers and the test, every round");
                }
                awaitTrue(() -> group.members().stream().allMatch(m -> m.sent() == (JVMS - 1) * (long) ROUNDS),
                    () -> "sent counts, published by each member's next heartbeat: " + group.members());
                System.out.printf("8 JVMs x %d rounds: %d deliveries verified, %d sends woke a blocked receiver%n",
                    ROUNDS, JVMS * (JVMS - 1) * ROUNDS, woken);
                for (int k = 0; k < JVMS - 1; k++) {
                    jvms.get(k).call("leave");
                }
                assertEquals(List.of("m-7"), group.liveMemberNames(), "seven left");
                jvms.get(JVMS - 1).close();
                waitUntilEmpty(group, inspector);
            } finally {
                jvms.forEach(JvmProcess::close);
            }
        }
    }

    /** The last JVM exits without leaving: the reaper reclaims it, and the table ends empty and consistent. */
    private static void waitUntilEmpty(final ProcessGroup group, final GroupInspector inspector) {
        awaitTrue(() -> group.members().isEmpty() && inspector.violations().isEmpty() && group.deathsReaped() == 1,
            () -> "not reclaimed and counted: " + group.members() + " " + inspector.violations() + ", " + group.deathsReaped() + " reaped");
    }

    /** Polls {@code condition} every millisecond for up to 10 s. */
    private static void awaitTrue(final BooleanSupplier condition, final Supplier<String> failure) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("within 10 s: " + failure.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static long expected(final int k) {
        return ((1L << JVMS) - 1) & ~(1L << k) | 1L << END_OF_ROUND;
    }

    private static String others(final int k) {
        final StringJoiner j = new StringJoiner(" ");
        for (int i = 0; i < JVMS; i++) {
            if (i != k) {
                j.add("m-" + i);
            }
        }
        return j.toString();
    }
}
