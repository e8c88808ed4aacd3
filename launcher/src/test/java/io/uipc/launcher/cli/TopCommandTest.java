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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uipc top} as a JSON line stream (stdout is a pipe here), against two member JVMs that
 * send each other interrupts: one document per refresh, rates from the second on, inbox depth,
 * and usage errors.
 */
@Timeout(120)
class TopCommandTest {
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
    void streamsOneDocumentPerRefreshWithRatesOfTheSenders() throws Exception {
        assertEquals(0, cli.run("create", "traffic", "--entries", "4").exitCode());
        try (ProcessGroup group = ProcessGroup.attach(cli.root().resolve("traffic"));
             JvmProcess a = member(group, "a"); JvmProcess b = member(group, "b")) {
            a.expect("ready a");
            b.expect("ready b");
            assertEquals("7", a.call("mail b 7"));
            a.call("blast b");
            b.call("blast a");
            final Cli.Running r = cli.run("top", "traffic", "--json", "--count", "3", "--interval", "0.5");
            assertEquals(0, r.exitCode(), r::toString);
            final List<String> lines = r.stdoutLines();
            assertEquals(3, lines.size(), r::toString);
            final Map<String, Object> first = JsonParse.document(lines.get(0));
            assertEquals("traffic", first.get("group"));
            assertEquals(2.0, JsonParse.number(first, "members_alive"));
            assertNull(first.get("elapsed_s"), "no rate on the first refresh");
            assertTrue(first.containsKey("elapsed_s"));
            assertNull(JsonParse.member(first, "a").get("sent_per_s"));
            assertTrue(JsonParse.member(first, "a").containsKey("failed_per_s"), lines.get(0));
            assertNull(JsonParse.member(first, "a").get("failed_per_s"));
            assertEquals(7.0, JsonParse.number(JsonParse.member(first, "b"), "mailbox_depth"), lines.get(0));
            assertEquals(0.0, JsonParse.number(JsonParse.member(first, "a"), "mailbox_depth"), lines.get(0));
            for (final String line : lines.subList(1, 3)) {
                final Map<String, Object> doc = JsonParse.document(line);
                assertTrue(JsonParse.number(doc, "elapsed_s") > 0, line);
                for (final String name : List.of("a", "b")) {
                    final Map<String, Object> m = JsonParse.member(doc, name);
                    assertEquals("active", m.get("state"), line);
                    assertEquals(true, m.get("live"), line);
                    assertTrue(JsonParse.number(m, "sent_per_s") > 0, () -> name + " sends: " + line);
                    assertTrue(JsonParse.number(m, "received_per_s") + JsonParse.number(m, "coalesced_per_s") > 0,
                        () -> name + " is sent to: " + line);
                    assertTrue(JsonParse.number(m, "sent") > 0, line);
                    assertEquals(0.0, JsonParse.number(m, "failed"), () -> name + " sends only to a live peer: " + line);
                    assertEquals(0.0, JsonParse.number(m, "failed_per_s"), line);
                }
            }
        }
    }

    @Test
    void usageErrorsAreOneLineWithExitCode2() throws Exception {
        assertEquals(0, cli.run("create", "g", "--entries", "4").exitCode());
        Cli.Running r = cli.run("top", "g", "--interval", "0");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("uipc top: --interval must be 0.1 to 3600 seconds, not 0.0 (see 'uipc help top')", r.stderr());
        r = cli.run("top", "g", "--count", "-1");
        assertEquals(2, r.exitCode(), r::toString);
        r = cli.run("top", "nosuch", "--count", "1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc top: "), r::toString);
        assertEquals(1, r.stderr().lines().count(), r::toString);
    }

    private static JvmProcess member(final ProcessGroup group, final String name) {
        return JvmProcess.builder(name, TrafficMember.class).environment(TempGroups.memberEnvironment(group, name, "peer")).start();
    }
}
