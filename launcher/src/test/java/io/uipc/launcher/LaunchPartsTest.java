package io.uipc.launcher;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's parts that need no process: the roster's start order, the console's layout, exit code words. */
class LaunchPartsTest {
    @Test
    void theRosterHoldsEveryMemberInStartOrderBeforeAnythingStarts() {
        final MemberRoster roster = new MemberRoster(LaunchSpec.of(ProcessSpec.of("late", "x.Late").order(2),
            ProcessSpec.of("fg", "x.Fg").count(2).order(1), ProcessSpec.of("lgwr", "x.Lgwr").order(1)));
        assertEquals(List.of(List.of("fg-1", "fg-2", "lgwr"), List.of("late")),
            roster.stages().stream().map(s -> s.stream().map(MemberProcess::name).collect(Collectors.toList())).collect(Collectors.toList()));
        assertEquals(List.of("fg-1", "fg-2", "lgwr", "late"), roster.all().stream().map(MemberProcess::name).collect(Collectors.toList()));
        assertEquals(0, roster.started());
        assertEquals(-1, roster.get("late").pid());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> roster.get("nobody"));
        assertEquals("no member named 'nobody' in this launch; members: [fg-1, fg-2, lgwr, late]", e.getMessage());
    }

    @Test
    void theConsoleAlignsLabelsToTheLongestMemberName() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final LaunchConsole console = new LaunchConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of("a", "session"));
        console.info("starting a, session");
        console.member("a", "ready: a", false);
        console.member("a", "and more", true);
        assertEquals(String.format("uipc    | starting a, session%na       | ready: a%na       + and more%n"), bytes.toString(StandardCharsets.UTF_8));

        final ByteArrayOutputStream narrow = new ByteArrayOutputStream();
        new LaunchConsole(new PrintStream(narrow, true, StandardCharsets.UTF_8), List.of("a")).member("a", "x", false);
        assertEquals(String.format("a    | x%n"), narrow.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLongLineIsPumpedInMarkedPiecesAndTheLogStaysBounded() throws InterruptedException {
        final String longLine = "x".repeat(2 * OutputPump.MAX_PIECE + 5);
        final byte[] output = ("one\r\ntwo\rthree\n" + longLine + "\nlast, no newline").getBytes(StandardCharsets.UTF_8);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final OutputLog log = new OutputLog();
        final OutputPump pump = new OutputPump("m", new ByteArrayInputStream(output),
            new LaunchConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of("m")), log);
        pump.run();
        assertTrue(pump.awaitEnd(0));
        final String x = "x".repeat(OutputPump.MAX_PIECE);
        assertTrue(List.of("one", "two", "three", x, x, "xxxxx", "last, no newline").equals(log.lines()), "pieces of at most "
            + OutputPump.MAX_PIECE + " characters");
        assertEquals(String.format("m    | one%nm    | two%nm    | three%nm    | X%nm    + X%nm    + xxxxx%nm    | last, no newline%n"),
            bytes.toString(StandardCharsets.UTF_8).replace(x, "X"));

        final OutputLog bounded = new OutputLog();
        for (int i = 0; i < 300; i++) {
            bounded.add(i + ":" + x);
        }
        final List<String> kept = bounded.lines();
        assertTrue(kept.size() < 300 && kept.stream().mapToInt(String::length).sum() <= (1 << 20), "kept " + kept.size());
        assertEquals("299:" + x, kept.get(kept.size() - 1));
    }

    @Test
    void exitCodesAboveOneHundredTwentyEightNameTheirSignal() {
        assertEquals(" (killed by SIGKILL)", ExitCodes.describe(ExitCodes.SIGKILLED));
        assertEquals(" (killed by SIGTERM)", ExitCodes.describe(ExitCodes.SIGTERMED));
        assertEquals(" (killed by signal 10)", ExitCodes.describe(138));
        assertEquals("", ExitCodes.describe(3));
        assertEquals("", ExitCodes.describe(128));
        assertEquals("", ExitCodes.describe(255));
    }

    @Test
    void aStopRequestIsRecordedAndASecondOneAsksForForce() throws InterruptedException {
        final LaunchEvents events = new LaunchEvents();
        events.requestStop();
        assertTrue(events.stopRequested());
        assertEquals(false, events.forceRequested());
        events.requestStop();
        assertTrue(events.forceRequested());
        assertTrue(events.take() instanceof LaunchEvents.StopRequested);
    }
}
