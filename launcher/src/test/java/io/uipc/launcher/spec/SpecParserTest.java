package io.uipc.launcher.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hand-written spec format: every field, and errors that name the line and field. */
@Timeout(10)
class SpecParserTest {
    private static final String FULL = String.join("\n",
        "# a database-style group",
        "[group]",
        "name          = db1",
        "grace-period  = 1500ms",
        "ready-timeout = 2m",
        "on-failure    = continue",
        "classpath     = lib/app.jar:classes",
        "entries = 64",
        "receivers = 128",
        "uitt = 1_024",
        "",
        "[process lgwr]",
        "main        = com.example.LogWriter",
        "role        = background",
        "order       = 1",
        "restart     = on-failure:3",
        "jvm-options = -Xmx64m \"-Dgreeting=hello world\"",
        "args        = --batch 16 'two words'",
        "",
        "; another comment style",
        "[process fg]",
        "main  = com.example.Foreground",
        "count = 3",
        "order = 2",
        "ready = started",
        "");

    @Test
    void readsEveryField() {
        final LaunchSpec spec = SpecParser.parse("db.uipc", FULL);
        assertEquals(Optional.of("db1"), spec.groupName());
        assertEquals(Duration.ofMillis(1500), spec.gracePeriod());
        assertEquals(Duration.ofMinutes(2), spec.readyTimeout());
        assertEquals(FailureAction.CONTINUE, spec.onFailure());
        assertEquals(List.of("lib/app.jar", "classes"), spec.classPath());
        assertEquals(64, spec.entries());
        assertEquals(128, spec.receivers());
        assertEquals(1024, spec.uitt());
        final ProcessSpec lgwr = spec.processes().get(0);
        assertEquals(new ProcessSpec("lgwr", "com.example.LogWriter", 1, "background", 1, RestartPolicy.onFailure(3),
            List.of("-Xmx64m", "-Dgreeting=hello world"), List.of("--batch", "16", "two words"), Readiness.REGISTERED, 12), lgwr);
        final ProcessSpec fg = spec.processes().get(1);
        assertEquals(List.of("fg-1", "fg-2", "fg-3"), fg.memberNames());
        assertEquals(Readiness.STARTED, fg.readiness());
        assertEquals(RestartPolicy.NEVER, fg.restart());
        assertEquals("process", fg.role());
        assertEquals(List.of("lgwr", "fg-1", "fg-2", "fg-3"), spec.memberNames());
        assertEquals(2, spec.stages().size());
    }

    @Test
    void defaults() {
        final LaunchSpec spec = SpecParser.parse("s", "[process a]\nmain = A\n");
        assertEquals(LaunchSpec.DEFAULT_GRACE, spec.gracePeriod());
        assertEquals(FailureAction.SHUTDOWN, spec.onFailure());
        assertEquals(List.of("a"), spec.memberNames());
    }

    private static void assertError(final String text, final String message) {
        final SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse("s.uipc", text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void errorsNameTheLineAndField() {
        assertError("[process a]\nmain = A\ncount = x\n", "s.uipc:3: 'count': expected an integer, got 'x'");
        assertError("[process a]\nmain = A\ncount = 0\n", "s.uipc:3: 'count': count 0 out of range 1..1000");
        assertError("[process a]\nmain = A\nrestart = always\n",
            "s.uipc:3: 'restart': expected 'never' or 'on-failure:MAX' (MAX a number of restarts), got 'always'");
        assertError("[process a]\nmain = A\ncolour = blue\n",
            "s.uipc:3: 'colour': unknown key in [process a]; known keys: args, count, jvm-options, main, order, ready, restart, role");
        assertError("main = A\n", "s.uipc:1: 'main': key outside a section: start with [group] or [process NAME]");
        assertError("[process a]\nmain = A\nmain = B\n", "s.uipc:3: 'main': set twice in this section (first at line 2)");
        assertError("[process a]\nrole = x\n", "s.uipc:1: 'main': [process a] needs 'main = fully.qualified.MainClass'");
        assertError("[process a]\nmain = not a class\n", "s.uipc:2: 'main': main class 'not a class' is not a Java class name");
        assertError("[proc a]\n", "s.uipc:1: '[proc a]': unknown section: use [group] or [process NAME]");
        assertError("[process a b]\n", "s.uipc:1: '[process a b]': unknown section: use [group] or [process NAME]");
        assertError("[process a]\nmain = A\n[process a]\nmain = B\n", "s.uipc:3: '[process a]': duplicate section: already declared at line 1");
        assertError("[process a]\nmain = A\nthis is not an entry\n",
            "s.uipc:3: expected '[group]', '[process NAME]' or 'key = value', got 'this is not an entry'");
        assertError("[group]\ngrace-period = soon\n[process a]\nmain = A\n",
            "s.uipc:2: 'grace-period': expected a duration such as 500ms, 5s or 2m, got 'soon'");
        assertError("[process a]\nmain = A\nargs = \"open\n", "s.uipc:3: 'args': unclosed \" quote in '\"open'");
        assertError("[group]\n", "s.uipc: no process: add a [process NAME] section with at least 'main = CLASS'");
        assertError("[process fg]\nmain = A\ncount = 2\n[process fg-1]\nmain = B\n",
            "s.uipc:4: 'process fg-1': duplicate member name 'fg-1': already used by [process fg] at line 1");
        assertError("[group]\nname = bad name\n[process a]\nmain = A\n",
            "s.uipc:2: 'name': invalid group name 'bad name': use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'");
    }

    @Test
    void durationsAreRangeCheckedAtParseTime() {
        final String range = "out of range: at most 1440m (24 hours)";
        assertError("[group]\ngrace-period = 200000000m\n[process a]\nmain = A\n",
            "s.uipc:2: 'grace-period': duration '200000000m' " + range);
        assertError("[group]\nname = g\nready-timeout = 9223372036854775807m\n[process a]\nmain = A\n",
            "s.uipc:3: 'ready-timeout': duration '9223372036854775807m' " + range);
        assertError("[group]\ngrace-period = 99999999999999999999\n[process a]\nmain = A\n",
            "s.uipc:2: 'grace-period': duration '99999999999999999999' " + range);
        assertError("[group]\ngrace-period = 86400001ms\n[process a]\nmain = A\n",
            "s.uipc:2: 'grace-period': duration '86400001ms' " + range);
        final LaunchSpec spec = SpecParser.parse("s.uipc", "[group]\ngrace-period = 1440m\nready-timeout = 86400s\n[process a]\nmain = A\n");
        assertEquals(Duration.ofHours(24), spec.gracePeriod());
        assertEquals(Duration.ofHours(24), spec.readyTimeout());
    }
}
