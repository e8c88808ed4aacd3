package io.uipc.launcher;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import org.junit.jupiter.api.Test;

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
        console.member("a", "ready: a");
        assertEquals(String.format("uipc    | starting a, session%na       | ready: a%n"), bytes.toString(StandardCharsets.UTF_8));

        final ByteArrayOutputStream narrow = new ByteArrayOutputStream();
        new LaunchConsole(new PrintStream(narrow, true, StandardCharsets.UTF_8), List.of("a")).member("a", "x");
        assertEquals(String.format("a    | x%n"), narrow.toString(StandardCharsets.UTF_8));
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
