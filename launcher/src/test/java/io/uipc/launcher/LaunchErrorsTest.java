package io.uipc.launcher;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.testapp.ScriptedMember;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 17, the launch's part: a failure quotes the member's exception line rather than a
 * stack frame, and a spec whose members do not fit an existing group is refused before any spawn.
 */
@Timeout(60)
class LaunchErrorsTest {
    private static final String MEMBER = ScriptedMember.class.getName();

    private static LaunchOptions options(final TempGroups groups, final ByteArrayOutputStream out) {
        return LaunchOptions.defaults().root(groups.root()).out(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void aMemberThatThrowsAtStartIsReportedByItsExceptionLineAndRootCause() {
        final LaunchSpec spec = LaunchSpec.of(ProcessSpec.of("bad", MEMBER).args("throw-before-join", "no config \u001b[2J"));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TempGroups groups = new TempGroups("throws")) {
            final LaunchException e = assertThrows(LaunchException.class, () -> GroupLauncher.start(spec, options(groups, out)));
            assertEquals("bad (" + MEMBER + ") exited with code 1 before it registered in the group; it threw: Exception in thread"
                + " \"main\" java.lang.IllegalStateException: no config \\x1b[2J (root cause: java.io.IOException: disk on fire)",
                e.getMessage(), () -> out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void outputThatIsNotAStackTraceIsQuotedAsItsLastLine() {
        assertEquals("; its last output: failing at start", FailureOutput.describe(List.of("x", "failing at start", "  ")));
        assertEquals(" (it printed nothing)", FailureOutput.describe(List.of()));
        assertEquals("; it threw: java.lang.Error: e (root cause: a.B: c)", FailureOutput.describe(List.of("java.lang.Error: e",
            "\tat x.Y.z(Y.java:1)", "Caused by: a.B: c", "\tat x.Y.z(Y.java:1)", "\t... 1 more")));
        assertEquals("; its last output: at only.a.Frame(F.java:1)", FailureOutput.describe(List.of("\tat only.a.Frame(F.java:1)")),
            "a trace without its exception line: the last line, as it is");
        assertTrue(FailureOutput.describe(List.of("x".repeat(10_000))).length() < 400, "a long line is cut");
    }

    @Test
    void membersBeyondAnExistingGroupsFreeEntriesAreRefusedBeforeAnySpawn() {
        final LaunchSpec spec = LaunchSpec.of(ProcessSpec.of("fg", MEMBER).count(3));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TempGroups groups = new TempGroups("small"); ProcessGroup small = groups.create("small", 2, 16, 64)) {
            final GroupLauncher launcher = GroupLauncher.of(spec, options(groups, out).existingGroup(small.directory()));
            final LaunchException e = assertThrows(LaunchException.class, launcher::start);
            assertEquals("launch spec: 3 members (fg: 3) do not fit group small: it has 2 table entries, 0 in use, so 2 free",
                e.getMessage());
            assertTrue(launcher.members().stream().allMatch(m -> m.process() == null), "nothing spawned");
            assertNull(launcher.group());
            assertTrue(small.members().isEmpty());
        }
        try (TempGroups groups = new TempGroups("fewreceivers"); ProcessGroup few = groups.create("few", 16, 2, 64)) {
            final LaunchException e = assertThrows(LaunchException.class,
                () -> GroupLauncher.start(spec, options(groups, out).existingGroup(few.directory())));
            assertEquals("launch spec: 3 members (fg: 3) do not fit group few: it has 2 receivers, 0 in use, so 2 free", e.getMessage());
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("starting"), out::toString);
        }
    }
}
