package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import io.uipc.launcher.testapp.TrafficMember;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uipc ps} against real member JVMs: the reaper named only while it runs ("reaper: none",
 * "reaper: none (pid N exited)"), and a killed member's state agreeing with its liveness, in text
 * and in JSON.
 */
@Timeout(120)
class PsLivenessTest {
    private Cli cli;

    @BeforeEach
    void setUp(final TestInfo info) {
        cli = new Cli(info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void aKilledMemberIsDeadAndItsReaperIsNoneWithItsPid() throws Exception {
        assertEquals(0, cli.run("create", "g", "--entries", "4").exitCode());
        Cli.Running r = cli.run("ps", "g");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains(", reaper: none, "), r::toString);
        Map<String, Object> doc = JsonParse.document(cli.run("ps", "g", "--json").stdout());
        assertNull(doc.get("reaper_pid"));
        assertEquals(false, doc.get("reaper_alive"));

        try (ProcessGroup group = ProcessGroup.attach(cli.root().resolve("g"));
             JvmProcess solo = JvmProcess.builder("solo", TrafficMember.class)
                 .environment(TempGroups.memberEnvironment(group, "solo", "worker")).start()) {
            solo.expect("ready solo");
            final long pid = solo.pid();
            final String elected = "reaper: pid " + pid + ",";
            Poll.until(() -> group.reaperPid() == pid, Duration.ofSeconds(30), () -> "the member not elected reaper");
            r = cli.run("ps", "g");
            assertTrue(r.stdout().contains(elected), r::toString);
            assertTrue(r.stdout().replaceAll(" +", " ").contains(" solo worker active "), r::toString);
            doc = JsonParse.document(cli.run("ps", "g", "--json").stdout());
            assertEquals(pid, JsonParse.number(doc, "reaper_pid"));
            assertEquals(true, doc.get("reaper_alive"));
            assertEquals("active", JsonParse.member(doc, "solo").get("state"));
            assertEquals(true, JsonParse.member(doc, "solo").get("live"));

            solo.kill();
            r = cli.run("ps", "g");
            assertTrue(r.stdout().contains(", reaper: none (pid " + pid + " exited), "), r::toString);
            assertTrue(r.stdout().replaceAll(" +", " ").contains(" solo worker dead "), r::toString);
            doc = JsonParse.document(cli.run("ps", "g", "--json").stdout());
            assertEquals(pid, JsonParse.number(doc, "reaper_pid"));
            assertEquals(false, doc.get("reaper_alive"));
            final Map<String, Object> dead = JsonParse.member(doc, "solo");
            assertEquals("dead", dead.get("state"), doc::toString);
            assertEquals(false, dead.get("live"));
            assertEquals(0.0, JsonParse.number(doc, "members_alive"));
            assertEquals(1.0, JsonParse.number(doc, "members_dead"));
        }
    }
}
