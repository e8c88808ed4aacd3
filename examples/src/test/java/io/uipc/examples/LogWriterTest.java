package io.uipc.examples;

import io.uipc.examples.logwriter.Foreground;
import io.uipc.examples.logwriter.LogWriter;
import io.uipc.table.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group commit across JVMs: every acknowledged commit is in the log file, in order, once. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LogWriterTest extends ExampleGroupTest {
    @Test
    void everyAcknowledgedCommitIsInTheLogFileInOrderExactlyOnce() throws IOException {
        final int foregrounds = 3;
        final int commits = 400;
        final Path log = root.resolve("redo.log");
        final ChildProcess lgwr = member("lgwr", "background", LogWriter.class, "--log", log.toString(),
            "--foregrounds", String.valueOf(foregrounds));
        lgwr.expect("READY", WAIT);
        final List<ChildProcess> fgs = new ArrayList<>();
        for (int i = 1; i <= foregrounds; i++) {
            fgs.add(member("fg-" + i, "foreground", Foreground.class, "--commits", String.valueOf(commits)));
        }
        final Map<String, Integer> acked = new HashMap<>();
        for (final ChildProcess fg : fgs) {
            final String[] words = fg.expect("ACKED", WAIT).split(" ");
            acked.put(words[1], Integer.parseInt(words[2]));
        }
        final String report = lgwr.expect("REPORT", WAIT);
        assertTrue(report.contains("commits=" + foregrounds * commits + " ") && report.contains("lost-acks=0"), report);
        assertEquals(0, lgwr.waitFor(WAIT), lgwr.output());

        final Map<String, Integer> next = new HashMap<>();
        for (final String line : Files.readAllLines(log, StandardCharsets.US_ASCII)) {
            final String[] words = line.split(" ", 3);
            final int seq = Integer.parseInt(words[1]);
            final int expected = next.getOrDefault(words[0], 0);
            assertEquals(expected, seq, "commits of " + words[0] + " in order, none missing, none twice: " + line);
            assertTrue(words[2].startsWith(String.format("update t set v=v+1 where k=%08d", seq)), line);
            next.put(words[0], seq + 1);
        }
        assertEquals(acked, next, "the file holds exactly the acknowledged commits");
    }
}
