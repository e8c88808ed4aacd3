package io.uipc.examples;

import io.uipc.examples.logwriter.Foreground;
import io.uipc.examples.logwriter.LogWriter;
import io.uipc.examples.logwriter.RedoLogCheck;
import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit across JVMs: every acknowledged commit is in the log file, in order, once
 * (checked against what the foregrounds printed, and by the log writer's own {@code --verify}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LogWriterTest extends ExampleGroupTest {
    @Test
    void everyAcknowledgedCommitIsInTheLogFileInOrderExactlyOnce() throws IOException {
        final int foregrounds = 3;
        final int commits = 400;
        final Path log = root.resolve("redo.log");
        final JvmProcess lgwr = member("lgwr", "background", LogWriter.class, "--log", log.toString(),
            "--foregrounds", String.valueOf(foregrounds), "--verify", "true");
        lgwr.expect("READY", WAIT);
        final List<JvmProcess> fgs = new ArrayList<>();
        for (int i = 1; i <= foregrounds; i++) {
            fgs.add(member("fg-" + i, "foreground", Foreground.class, "--commits", String.valueOf(commits)));
        }
        final Map<String, Long> acked = new HashMap<>();
        for (final JvmProcess fg : fgs) {
            final String[] words = fg.expect("ACKED", WAIT).split(" ");
            acked.put(words[1], Long.parseLong(words[2]));
        }
        final String report = lgwr.expect("REPORT", WAIT);
        assertTrue(report.contains("commits=" + foregrounds * commits + " ") && report.contains("lost-acks=0"), report);
        final String verified = lgwr.expect("VERIFIED", WAIT);
        assertTrue(verified.contains(": " + foregrounds * commits + " commits made durable in "), verified);
        assertEquals(0, lgwr.waitFor(WAIT), lgwr.output());
        assertEquals(Optional.empty(), RedoLogCheck.problem(log, acked), "the file holds exactly the acknowledged commits");
    }
}
