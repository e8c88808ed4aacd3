package io.uipc.chaos.fuzz;

import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the {@link CorruptionFuzzer} in a child JVM, so a JVM crash or a hang fails this test
 * instead of killing Surefire: 60,000 seeded mutations in CI, 2,000,000 on demand
 * ({@code -Duipc.groups=stress-long}).
 */
class CorruptionFuzzerTest {
    /** Mutations per CI run: 60,000, fewer on CI's second JDK ({@code -Duipc.fuzz.mutations}), which re-checks the same readers. */
    private static final int MUTATIONS = Integer.getInteger("uipc.fuzz.mutations", 60_000);

    @TempDir
    Path root;

    @Test
    void everyReaderReportsCorruptionWithoutCrashHangOrOutOfBoundsRead() {
        fuzz(20260401L, MUTATIONS, Duration.ofSeconds(240));
    }

    @Test
    @Tag("stress-long")
    void twoMillionMutations() {
        fuzz(System.nanoTime(), 2_000_000, Duration.ofMinutes(60));
    }

    private void fuzz(final long seed, final long mutations, final Duration deadline) {
        try (JvmProcess child = JvmProcess.start("fuzzer", CorruptionFuzzer.class, root.toString(),
            Long.toString(seed), Long.toString(mutations))) {
            final String summary = child.expect("fuzz:", deadline);
            final int exit = child.waitFor(Duration.ofSeconds(30));
            System.out.println(child.output());
            assertFalse(child.output().contains("FAILURE"), "seed " + seed + ": a reader failed:\n" + child.output());
            assertTrue(child.output().contains("error:"), "corruption must be reported as errors:\n" + child.output());
            assertEquals(0, exit, summary);
        }
    }
}
