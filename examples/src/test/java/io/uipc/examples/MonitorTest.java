package io.uipc.examples;

import io.uipc.examples.monitor.Idle;
import io.uipc.examples.monitor.Monitor;
import io.uipc.table.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor JVM reports a member joining, a member killed with SIGKILL as died and reaped, and one leaving. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MonitorTest extends ExampleGroupTest {
    @Test
    void reportsJoinsAndReapedDeaths() {
        final ChildProcess monitor = member("pmon", "background", Monitor.class, "--exit-when-alone", "true");
        monitor.expect("MONITOR watching", WAIT);
        final ChildProcess victim = member("victim", "foreground", Idle.class);
        victim.expect("IDLE", WAIT);
        final ChildProcess quitter = member("quitter", "foreground", Idle.class, "--duration", "1ms");
        assertTrue(monitor.expect("JOINED victim", WAIT).contains("pid " + victim.pid()));
        victim.kill();
        final String died = monitor.expect("DIED victim", WAIT);
        assertTrue(died.contains("pid " + victim.pid()) && died.contains("reaped"), died);
        assertEquals(0, quitter.waitFor(WAIT), quitter.output());
        monitor.expect("MONITOR stopping: every other member has gone", WAIT);
        assertEquals(0, monitor.waitFor(WAIT), monitor.output());
        assertTrue(monitor.output().contains("LEFT quitter") || !monitor.output().contains("JOINED quitter"), monitor.output());
    }
}
