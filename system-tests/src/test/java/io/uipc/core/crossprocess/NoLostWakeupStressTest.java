package io.uipc.core.crossprocess;

import io.uipc.core.InterruptDomain;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No lost wake-up, across processes: several sender JVMs and several receiver JVMs whose
 * receivers block in the kernel ({@link io.uipc.core.WaitPolicy#BLOCK}) between rounds. Sender
 * {@code i} posts vector {@code i} to every receiver each round; a receiver finishes a round
 * when it holds every sender's vector, then acknowledges with vector {@code r} to every
 * sender's own blocking receiver; a sender starts the next round only with every receiver's
 * acknowledgement. The whole barrier runs through uipc ({@link RoundTripProcess}); a lost
 * wake-up on either side stalls it and fails the test on its deadline, with every party's
 * round and counters in the message.
 */
class NoLostWakeupStressTest {
    private static final int SENDERS = 3;
    private static final int RECEIVERS = 3;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyReceiverSeesEverySenderEveryRound() {
        stress(20_000, Duration.ofSeconds(90));
    }

    @Test
    @Tag("stress-long")
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void longRunLosesNoWakeup() {
        stress(1_000_000, Duration.ofMinutes(55));
    }

    private static void stress(final int rounds, final Duration deadline) {
        final List<JvmProcess> senders = new ArrayList<>();
        final List<JvmProcess> receivers = new ArrayList<>();
        try (TempGroups groups = new TempGroups(); InterruptDomain domain = groups.createDomain(SENDERS + RECEIVERS, 2 * SENDERS * RECEIVERS)) {
            try {
                for (int r = 0; r < RECEIVERS; r++) {
                    receivers.add(JvmProcess.start("receiver-" + r, RoundTripProcess.class, ChildDomain.attach(domain.path())));
                }
                for (int i = 0; i < SENDERS; i++) {
                    senders.add(JvmProcess.start("sender-" + i, RoundTripProcess.class, ChildDomain.attach(domain.path())));
                }
                final long[][] dataHandles = open(receivers, SENDERS);
                final long[][] ackHandles = open(senders, RECEIVERS);
                final long start = System.nanoTime();
                for (int r = 0; r < RECEIVERS; r++) {
                    receivers.get(r).call("run " + rounds + " receive-first " + RoundTripProcess.join(column(ackHandles, r)));
                }
                for (int i = 0; i < SENDERS; i++) {
                    senders.get(i).call("run " + rounds + " send-first " + RoundTripProcess.join(column(dataHandles, i)));
                }
                final List<JvmProcess> all = new ArrayList<>(receivers);
                all.addAll(senders);
                final Map<String, Map<String, Long>> done = awaitDone(all, deadline);
                final long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                check(rounds, done, receivers, SENDERS, senders);
                check(rounds, done, senders, RECEIVERS, receivers);
                report(rounds, wallMillis, done, receivers, senders);
            } finally {
                receivers.forEach(JvmProcess::close);
                senders.forEach(JvmProcess::close);
            }
        }
    }

    /** Opens each party's blocking receiver with one UITT entry per peer; returns [party][vector] handles. */
    private static long[][] open(final List<JvmProcess> parties, final int peers) {
        final long[][] handles = new long[parties.size()][];
        for (int p = 0; p < parties.size(); p++) {
            handles[p] = Arrays.stream(parties.get(p).call("open " + peers).split(" ")).mapToLong(Long::parseLong).toArray();
        }
        return handles;
    }

    /** @return for each party, its handle of vector {@code vector}: where peer {@code vector} sends */
    private static long[] column(final long[][] handles, final int vector) {
        return Arrays.stream(handles).mapToLong(h -> h[vector]).toArray();
    }

    private static Map<String, Map<String, Long>> awaitDone(final List<JvmProcess> parties, final Duration deadline) {
        final long end = System.nanoTime() + deadline.toNanos();
        final Map<String, Map<String, Long>> done = new HashMap<>();
        for (final JvmProcess p : parties) {
            try {
                done.put(p.name(), KeyValues.parse(p.expect("done ", Duration.ofNanos(Math.max(0, end - System.nanoTime())))));
            } catch (final AssertionError e) {
                throw new AssertionError(e.getMessage() + System.lineSeparator() + "--- every party ---"
                    + System.lineSeparator() + statuses(parties), e);
            }
        }
        return done;
    }

    private static String statuses(final List<JvmProcess> parties) {
        final StringBuilder sb = new StringBuilder();
        for (final JvmProcess p : parties) {
            String status;
            try {
                status = p.isAlive() ? p.send("status").expect("status", Duration.ofSeconds(5)) : "not running";
            } catch (final AssertionError e) {
                status = "no answer";
            }
            sb.append(p.name()).append(": ").append(status).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /**
     * Each party took exactly one vector from each peer per round, none coalesced; every
     * wake-up its UPID counted was a send a peer saw return WOKEN; and blocking receivers were
     * actually woken, not merely polled.
     */
    private static void check(final int rounds, final Map<String, Map<String, Long>> done, final List<JvmProcess> parties,
                              final int peers, final List<JvmProcess> peerParties) {
        long wakeups = 0;
        for (final JvmProcess p : parties) {
            final Map<String, Long> f = done.get(p.name());
            assertEquals((long) rounds * peers, f.get("delivered"), p.name() + " delivered");
            assertEquals((long) rounds * peers, f.get("posted"), p.name() + " posted");
            assertEquals(0L, f.get("coalesced"), p.name() + " coalesced");
            assertTrue(f.get("wakeups") > 0, p.name() + " was never woken from a kernel sleep: " + f);
            wakeups += f.get("wakeups");
        }
        final long woken = peerParties.stream().mapToLong(p -> done.get(p.name()).get("woken")).sum();
        assertEquals(woken, wakeups, "sends that returned WOKEN vs wake-ups counted in the UPIDs");
    }

    private static void report(final int rounds, final long wallMillis, final Map<String, Map<String, Long>> done,
                               final List<JvmProcess> receivers, final List<JvmProcess> senders) {
        final StringBuilder sb = new StringBuilder(String.format("no-lost-wakeup stress: %d senders x %d receivers, %,d rounds in %,d ms (%.1f us/round)%n",
            SENDERS, RECEIVERS, rounds, wallMillis, wallMillis * 1000.0 / rounds));
        for (final JvmProcess p : receivers) {
            sb.append("  ").append(p.name()).append(" data ").append(done.get(p.name())).append(System.lineSeparator());
        }
        for (final JvmProcess p : senders) {
            sb.append("  ").append(p.name()).append(" acks ").append(done.get(p.name())).append(System.lineSeparator());
        }
        System.out.print(sb);
    }
}
