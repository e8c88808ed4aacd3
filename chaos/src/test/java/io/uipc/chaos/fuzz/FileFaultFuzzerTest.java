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
 * Runs the {@link FileFaultFuzzer} in a child JVM (which starts the two member JVMs): 5 seeded
 * rounds in CI (each file once), 200 on demand ({@code -Duipc.groups=stress-long}). Every member reports the
 * damage in one line or keeps working; no JVM crashes, hangs or prints a stack trace.
 */
class FileFaultFuzzerTest {
    @TempDir
    Path root;

    @Test
    void everyMemberReportsATruncatedOrReplacedFileInOneLineOrKeepsWorking() {
        fuzz(20260401L, 5, Duration.ofSeconds(120));
    }

    @Test
    @Tag("stress-long")
    void twoHundredRounds() {
        fuzz(System.nanoTime(), 200, Duration.ofMinutes(30));
    }

    private void fuzz(final long seed, final int rounds, final Duration deadline) {
        try (JvmProcess child = JvmProcess.start("filefuzz", FileFaultFuzzer.class, root.toString(), Long.toString(seed),
            Integer.toString(rounds))) {
            final String summary = child.expect("filefuzz:", deadline);
            final int exit = child.waitFor(Duration.ofSeconds(30));
            System.out.println(child.output());
            assertFalse(child.output().contains("FAILURE"), "seed " + seed + ": a member failed:\n" + child.output());
            assertTrue(child.output().contains(" halted "), "the damage must be reported:\n" + child.output());
            assertEquals(0, exit, summary);
        }
    }
}
