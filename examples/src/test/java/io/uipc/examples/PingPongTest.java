package io.uipc.examples;

import io.uipc.examples.pingpong.Ping;
import io.uipc.examples.pingpong.Pong;
import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ping and pong JVMs exchange every round under each wait policy. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PingPongTest extends ExampleGroupTest {
    @Test
    void everyPingIsAnsweredUnderEachWaitPolicy() {
        final JvmProcess pong = member("pong", "background", Pong.class);
        final JvmProcess ping = member("ping", "foreground", Ping.class, "--rounds", "2000", "--warmup", "500");
        for (final String policy : new String[] {"spin ", "spin-yield-block", "block "}) {
            final String line = ping.expect("POLICY " + policy, WAIT);
            assertTrue(line.contains("n=2000 "), line);
        }
        ping.expect("DONE", WAIT);
        assertEquals("PONG replied " + 3 * 2500 + " times", pong.expect("PONG", WAIT));
        assertEquals(0, ping.waitFor(WAIT), ping.output());
        assertEquals(0, pong.waitFor(WAIT), pong.output());
    }
}
