package io.uipc.launcher.metrics;

import io.uipc.core.UipcException;
import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.launcher.status.ReaperStatus;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import io.uipc.table.mailbox.InboxDepth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text format's escaping and structure, checked by a strict reader, and the atomic textfile write. */
class PrometheusTextTest {
    private static final String HOSTILE = "a\\b\"c\nd} 1\n# TYPE x counter";

    @Test
    void labelValuesAreEscapedAndTheTextParsesBackToTheSameValues() {
        final GroupStatus status = new GroupStatus(Instant.EPOCH, 0, "g", Path.of("/g"), "emulated", 16, 2, 2,
            ReaperStatus.of(0), 2, List.of(
            new MemberStatus(entry(0, HOSTILE, 42, 1250, 5, 9, 4), true, 3, 2, 24),
            new MemberStatus(entry(1, "plain", 43, 7, 0, 0, 0), false, 0, 0, InboxDepth.NONE)));
        final String text = PrometheusText.format(status);
        final List<TextFormatCheck.Sample> samples = TextFormatCheck.parse(text);
        assertEquals(HOSTILE, value(samples, "uipc_member_sent_total", "42").labels().get("member"), text);
        assertEquals(5, value(samples, "uipc_member_sent_total", "42").value());
        assertEquals(9, value(samples, "uipc_member_failed_sends_total", "42").value());
        assertEquals(0, value(samples, "uipc_member_failed_sends_total", "43").value());
        assertEquals(1.25, value(samples, "uipc_member_heartbeat_age_seconds", "42").value());
        assertEquals(24, value(samples, "uipc_member_mailbox_depth", "42").value());
        assertTrue(samples.stream().noneMatch(s -> s.name().equals("uipc_member_mailbox_depth")
            && s.labels().get("pid").equals("43")), text);
        assertEquals(0, value(samples, "uipc_member_up", "43").value());
        assertTrue(text.contains("member=\"a\\\\b\\\"c\\nd} 1\\n# TYPE x counter\""), text);
        assertTrue(text.contains("uipc_group_members{group=\"g\",state=\"dead\"} 1\n"), text);
        assertTrue(text.contains("uipc_group_deaths_reaped_total{group=\"g\"} 2\n"), text);
        assertTrue(text.contains("# TYPE uipc_member_sent_total counter\n"), text);
        assertTrue(text.contains("# TYPE uipc_member_failed_sends_total counter\n"), text);
    }

    private static MemberInfo entry(final int slot, final String name, final long pid, final long heartbeatAgeMs, final long sent,
                                    final long failed, final long received) {
        return new MemberInfo(slot, 1, pid, name, "r", MemberState.ACTIVE, 2, List.of(), heartbeatAgeMs, sent, failed, received,
            slot);
    }

    @Test
    void theStrictReaderRejectsWhatTheFormatForbids() {
        for (final String bad : List.of("x{a=\"b\"} 1", "x{a=\"b\nc\"} 1\n", "x{a=\"\\t\"} 1\n", "1x 1\n", "x one\n",
            "x 1\ny 1\nx 2\n", "x{a=\"1\"} 1\nx{a=\"1\"} 2\n", "x 1\n# TYPE x gauge\n")) {
            assertThrows(AssertionError.class, () -> TextFormatCheck.parse(bad), bad);
        }
    }

    @Test
    void aTextfileIsReplacedWholeAndALinkIsRefused(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("uipc.prom");
        TextfileOutput.write(file, "a 1\n");
        TextfileOutput.write(file, "a 2\n");
        assertEquals("a 2\n", Files.readString(file));
        final Path victim = Files.writeString(dir.resolve("victim"), "keep");
        final Path link = Files.createSymbolicLink(dir.resolve("link.prom"), victim);
        final UipcException e = assertThrows(UipcException.class, () -> TextfileOutput.write(link, "a 3\n"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("keep", Files.readString(victim));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("link.prom", "uipc.prom", "victim"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static TextFormatCheck.Sample value(final List<TextFormatCheck.Sample> samples, final String name, final String pid) {
        return samples.stream().filter(s -> s.name().equals(name) && pid.equals(s.labels().get("pid"))).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " for pid " + pid));
    }
}
