package io.uipc.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression: a join used to claim an entry first and take its liveness lock second, so a
 * prober (the reaper's scan, {@code liveMemberNames}) that held the lock for its few
 * microseconds made the join fail with "free in the table but its liveness lock is held".
 * Joins now lock before they claim.
 */
class JoinProbeRaceTest {
    @TempDir
    Path root;

    @Test
    @Timeout(60)
    void joinsNeverFailWhileAnotherAttachmentProbesLiveness() throws InterruptedException {
        try (ProcessGroup group = ProcessGroup.create(GroupSpec.named("race").withRoot(root).withCapacities(4, 8, 32));
             ProcessGroup prober = ProcessGroup.attach(group.directory())) {
            final String secret = group.readSecret();
            final AtomicBoolean stop = new AtomicBoolean();
            final AtomicLong probes = new AtomicLong();
            final Thread probing = new Thread(() -> {
                while (!stop.get()) {
                    prober.liveMemberNames();
                    prober.reaper().reapDeadMembers();
                    probes.incrementAndGet();
                }
            }, "prober");
            probing.start();
            int failures = 0;
            String first = null;
            try {
                for (int i = 0; i < 10_000; i++) {
                    try {
                        group.join(JoinOptions.named("m" + (i & 1)).secret(secret)).close();
                    } catch (final RuntimeException e) {
                        failures++;
                        first = first == null ? e.toString() : first;
                    }
                }
            } finally {
                stop.set(true);
                probing.join();
            }
            assertTrue(probes.get() > 1_000, "the prober ran alongside: " + probes.get() + " scans");
            assertEquals(0, failures, "joins failed while probed; first: " + first);
            assertEquals(0, prober.deathsReaped(), "no live member was taken for dead");
        }
    }
}
