package io.uipc.chaos;

import io.uipc.core.DomainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded CI chaos run: 6 member JVMs, 25 s of SIGKILL/SIGSTOP/SIGCONT with a fixed seed,
 * then every check of {@link ChaosRun}. The long run is {@code chaos/chaos.sh --duration PT10M}.
 */
class ChaosRunTest {
    /** Seconds of chaos: 25, fewer on CI's second JDK ({@code -Duipc.chaos.seconds}). */
    private static final int CHAOS_SECONDS = Integer.getInteger("uipc.chaos.seconds", 25);

    @Test
    @Timeout(300)
    void sixMembersSurviveAChaosRunOfKillsAndStops() throws Exception {
        final ChaosReport report = new ChaosRun(new ChaosOptions(Duration.ofSeconds(CHAOS_SECONDS), 6, 20260401L, 0.4, 1.0,
            Duration.ofMillis(800), DomainConfig.defaultDirectory(), true)).run();
        System.out.print(report);
        assertEquals(java.util.List.of(), report.violations(), report.toString());
        assertTrue(report.kills() >= 3 && report.restarts() == report.kills(), "the run must kill and restart members: " + report);
        assertTrue(report.stops() >= 5, "the run must stop members: " + report);
        assertTrue(report.mailsChecked() > 1000 && report.interruptsAccepted() > 1000, "traffic must flow: " + report);
    }
}
