package io.uipc.examples;

import io.uipc.examples.monitor.Idle;
import io.uipc.examples.monitor.Monitor;
import io.uipc.table.GroupVectors;
import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor JVM reports members joining, one killed with SIGKILL as died and reaped, one leaving as left. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MonitorTest extends ExampleGroupTest {
    @Test
    void reportsJoinsReapedDeathsAndLeaves() {
        final JvmProcess monitor = member("pmon", "background", Monitor.class, "--exit-when-alone", "true");
        monitor.expect("MONITOR watching", WAIT);
        final JvmProcess victim = member("victim", "foreground", Idle.class);
        final JvmProcess quitter = member("quitter", "foreground", Idle.class);
        victim.expect("IDLE", WAIT);
        quitter.expect("IDLE", WAIT);
        assertTrue(monitor.expect("JOINED victim", WAIT).contains("pid " + victim.pid()));
        victim.kill();
        final String died = monitor.expect("DIED victim", WAIT);
        assertTrue(died.contains("pid " + victim.pid()) && died.contains("reaped"), died);

        group.resolve("quitter", GroupVectors.SHUTDOWN).send();
        assertEquals(0, quitter.waitFor(WAIT), quitter.output());
        assertTrue(monitor.expect("LEFT quitter", WAIT).contains("pid " + quitter.pid()));
        monitor.expect("MONITOR stopping: every other member has gone", WAIT);
        assertEquals(0, monitor.waitFor(WAIT), monitor.output());
    }
}
