package io.uipc.examples;

import io.uipc.examples.cancel.Canceller;
import io.uipc.examples.cancel.Session;
import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session JVM blocked in a socket read and in a sleep returns because another JVM's user interrupt interrupted it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CancelTest extends ExampleGroupTest {
    @Test
    void blockedCallsReturnBecauseOfTheUserInterrupt() {
        final JvmProcess session = member("session", "foreground", Session.class);
        final JvmProcess canceller = member("canceller", "background", Canceller.class, "--hold", "50ms");
        session.expect("BLOCKED socket-read", WAIT);
        final String read = session.expect("CANCELLED socket-read", WAIT);
        assertTrue(read.contains("by java.nio.channels.ClosedByInterruptException") && read.contains("reason: cancel #1 from canceller"), read);
        session.expect("BLOCKED sleep", WAIT);
        final String sleep = session.expect("CANCELLED sleep", WAIT);
        assertTrue(sleep.contains("by java.lang.InterruptedException") && sleep.contains("reason: cancel #2 from canceller"), sleep);
        session.expect("DONE", WAIT);
        assertEquals(0, session.waitFor(WAIT), session.output());
        assertEquals(0, canceller.waitFor(WAIT), canceller.output());
        assertTrue(!session.output().contains("FAILED"), session.output());
    }
}
