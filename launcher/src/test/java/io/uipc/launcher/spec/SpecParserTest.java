package io.uipc.launcher.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The TOML spec format: every field, and errors that name the file, the line and the key. */
@Timeout(10)
class SpecParserTest {
    private static final String FULL = String.join("\n",
        "# a database-style group",
        "group         = \"db1\"",
        "grace-period  = \"1500ms\"",
        "ready-timeout = \"2m\"",
        "on-failure    = \"continue\"",
        "classpath     = [\"lib/app.jar\", \"classes\"]",
        "entries = 64",
        "receivers = 128",
        "uitt = 1_024",
        "",
        "[[member]]",
        "name        = \"lgwr\"",
        "main        = \"com.example.LogWriter\"",
        "role        = \"background\"",
        "order       = 1",
        "restart     = \"on-failure:3\"",
        "jvm-options = [\"-Xmx64m\", \"-Dgreeting=hello world\"]",
        "args        = [\"--batch\", \"16\", 'two words']",
        "",
        "[[member]]",
        "name  = \"fg\"",
        "main  = \"com.example.Foreground\"",
        "count = 3",
        "order = 2",
        "ready = \"started\"",
        "");

    @Test
    void readsEveryField() {
        final LaunchSpec spec = SpecParser.parse("db.toml", FULL);
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
            List.of("-Xmx64m", "-Dgreeting=hello world"), List.of("--batch", "16", "two words"), Readiness.REGISTERED, 11), lgwr);
        final ProcessSpec fg = spec.processes().get(1);
        assertEquals(List.of("fg-1", "fg-2", "fg-3"), fg.memberNames());
        assertEquals(Readiness.STARTED, fg.readiness());
        assertEquals(RestartPolicy.NEVER, fg.restart());
        assertEquals("process", fg.role());
        assertEquals(20, fg.line());
        assertEquals(List.of("lgwr", "fg-1", "fg-2", "fg-3"), spec.memberNames());
        assertEquals(2, spec.stages().size());
    }

    @Test
    void defaults() {
        final LaunchSpec spec = SpecParser.parse("s", "[[member]]\nname = \"a\"\nmain = \"A\"\n");
        assertEquals(LaunchSpec.DEFAULT_GRACE, spec.gracePeriod());
        assertEquals(FailureAction.SHUTDOWN, spec.onFailure());
        assertEquals(List.of("a"), spec.memberNames());
    }

    private static void assertError(final String text, final String message) {
        final SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse("s.toml", text));
        assertEquals(message, e.getMessage());
    }

    private static String member(final String... lines) {
        return "[[member]]\nname = \"a\"\nmain = \"A\"\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void semanticErrorsNameTheLineOfTheKey() {
        assertError(member("count = \"x\""), "s.toml:4: 'count': expected an integer, got a string (x)");
        assertError(member("count = 0"), "s.toml:4: 'count': count 0 out of range 1..1000");
        assertError(member("count = 1.5"), "s.toml:4: 'count': expected an integer, got a float (1.5)");
        assertError(member("order = 99999999999"), "s.toml:4: 'order': integer out of range: 99999999999");
        assertError(member("restart = \"always\""),
            "s.toml:4: 'restart': expected 'never' or 'on-failure:MAX' (MAX a number of restarts), got 'always'");
        assertError(member("", "colour = \"blue\""),
            "s.toml:5: 'colour': unknown key in [[member]]; known keys: args, count, jvm-options, main, name, order, ready, restart, role");
        assertError("colour = 1\n" + member(), "s.toml:1: 'colour': unknown key in the top level; known keys: classpath, entries, "
            + "grace-period, group, member, on-failure, ready-timeout, receivers, uitt");
        assertError("[limits]\nx = 1\n" + member(), "s.toml:1: 'limits': unknown key in the top level; known keys: classpath, entries, "
            + "grace-period, group, member, on-failure, ready-timeout, receivers, uitt");
        assertError("[[member]]\nname = \"a\"\nrole = \"x\"\n", "s.toml:1: 'main': [[member]] needs main = \"...\"");
        assertError("[[member]]\nmain = \"A\"\n", "s.toml:1: 'name': [[member]] needs name = \"...\"");
        assertError("[[member]]\nname = \"a\"\nmain = \"not a class\"\n",
            "s.toml:3: 'main': main class 'not a class' is not a Java class name");
        assertError(member("args = \"--one --two\""),
            "s.toml:4: 'args': expected an array of strings such as [\"a\", \"b\"], got a string (--one --two)");
        assertError(member("jvm-options = [\"-Xmx1g\", 2]"), "s.toml:4: 'jvm-options': expected an array of strings, got an integer (2) in it");
        assertError("grace-period = \"soon\"\n" + member(), "s.toml:1: 'grace-period': expected a duration such as 500ms, 5s or 2m, got 'soon'");
        assertError("grace-period = 5\n" + member(),
            "s.toml:1: 'grace-period': expected a duration such as \"500ms\", \"5s\" or \"2m\", got an integer (5)");
        assertError("member = 1\n", "s.toml:1: 'member': expected [[member]] tables, got an integer (1)");
        assertError("group = \"g\"\n", "s.toml: no member: add a [[member]] table with at least name = \"NAME\" and main = \"CLASS\"");
        assertError("[[member]]\nname = \"fg\"\nmain = \"A\"\ncount = 2\n[[member]]\nname = \"fg-1\"\nmain = \"B\"\n",
            "s.toml:5: 'member fg-1': duplicate member name 'fg-1': already used by member fg at line 1");
        assertError("group = \"bad name\"\n" + member(),
            "s.toml:1: 'group': invalid group name 'bad name': use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'");
        assertError("entries = 0\n" + member(), "s.toml:1: 'entries': out of range 1..1048576: 0");
    }

    @Test
    void keysAreFoundPastMultiLineValuesAndComments() {
        assertError(String.join("\n", "[[member]]", "name = \"a\"  # the name", "main = \"A\"",
            "args = [", "  \"count = 7\",", "  \"\"\"", "count = 8", "\"\"\",", "]", "jvm-options = '''", "count = 9'''", "count = -1", ""),
            "s.toml:12: 'count': count -1 out of range 1..1000");
        assertError(String.join("\n", "[[member]]", "name = \"a\"", "main = \"A\"", "[[member]]", "name = \"b\"", "main = \"B\"",
            "\"count\" = 0", ""), "s.toml:7: 'count': count 0 out of range 1..1000");
    }

    @Test
    void syntaxErrorsNameTheLineAndColumn() {
        assertError("[[member]]\nname = \"a\"\nmain = A\n", "s.toml:3: not valid TOML: unknown token (column 8)");
        assertError("[[member]]\nname = \"a\"\nmain = \"A\"\nmain = \"B\"\n", "s.toml:4: not valid TOML: a key is set twice in one table");
        assertError("[[member]]\nname = \"a\nmain = \"A\"\n", "s.toml:2: not valid TOML: newline not permitted here (column 10)");
    }

    @Test
    void anOldFormatSpecGetsOneLineNamingTheConverter() {
        assertError("# old\n[group]\ngrace-period = 5s\n[process a]\nmain = A\n",
            "s.toml is in uipc's old spec format; convert it with: uipc convert-spec s.toml > NEW.toml");
        final SpecException e = assertThrows(OldSpecFormatException.class, () -> SpecParser.parse("dir/old.spec", "[process a]\nmain = A\n"));
        assertEquals("dir/old.spec is in uipc's old spec format; convert it with: uipc convert-spec dir/old.spec > dir/old.toml", e.getMessage());
    }

    @Test
    void durationsAreRangeCheckedAtParseTime() {
        final String range = "out of range: at most 1440m (24 hours)";
        assertError("grace-period = \"200000000m\"\n" + member(), "s.toml:1: 'grace-period': duration '200000000m' " + range);
        assertError("group = \"g\"\nready-timeout = \"9223372036854775807m\"\n" + member(),
            "s.toml:2: 'ready-timeout': duration '9223372036854775807m' " + range);
        assertError("grace-period = \"99999999999999999999\"\n" + member(), "s.toml:1: 'grace-period': duration '99999999999999999999' " + range);
        assertError("grace-period = \"86400001ms\"\n" + member(), "s.toml:1: 'grace-period': duration '86400001ms' " + range);
        final LaunchSpec spec = SpecParser.parse("s.toml", "grace-period = \"1440m\"\nready-timeout = \"86400s\"\n" + member());
        assertEquals(Duration.ofHours(24), spec.gracePeriod());
        assertEquals(Duration.ofHours(24), spec.readyTimeout());
    }
}
