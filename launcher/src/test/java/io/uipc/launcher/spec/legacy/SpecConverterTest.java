package io.uipc.launcher.spec.legacy;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.OldSpecFormat;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.SpecException;
import io.uipc.launcher.spec.SpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: the old format's converter. Each spec uipc shipped in the old format (kept as test resources)
 * converts to TOML that parses to an equal spec, keeps its comments, and equals the TOML spec shipped in its place.
 */
@Timeout(10)
class SpecConverterTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path OLD = REPO.resolve("launcher/src/test/resources/legacy-specs");
    /** Each old shipped spec and the TOML spec that replaced it. */
    private static final Map<String, String> SHIPPED = Map.of(
        "cancel.spec", "examples/cancel.toml",
        "log-writer.spec", "examples/log-writer.toml",
        "monitor.spec", "examples/monitor.toml",
        "ping-pong.spec", "examples/ping-pong.toml",
        "demo.uipc", "cli/src/main/resources/io/uipc/cli/demo.toml",
        "pair.uipc", "launcher/src/test/resources/specs/pair.toml");

    /** The spec without what depends on the file's layout: its name and the members' lines. */
    private static LaunchSpec content(final LaunchSpec s) {
        final List<ProcessSpec> processes = s.processes().stream().map(p -> p.line(0)).toList();
        return new LaunchSpec("spec", s.groupName(), s.gracePeriod(), s.readyTimeout(), s.onFailure(), s.classPath(), s.entries(),
            s.receivers(), s.uitt(), processes);
    }

    @Test
    void everyOldShippedSpecConvertsToAnEqualSpecAndToTheShippedToml() throws IOException {
        final List<Path> old;
        try (Stream<Path> files = Files.list(OLD)) {
            old = files.sorted().toList();
        }
        assertEquals(SHIPPED.keySet(), Set.copyOf(old.stream().map(p -> p.getFileName().toString()).toList()));
        for (final Path file : old) {
            final String name = file.getFileName().toString();
            final String text = Files.readString(file);
            assertTrue(SpecConverter.isOldFormat(text), name);
            final LaunchSpec before = LegacySpecParser.parse(name, text).spec();
            final String toml = SpecConverter.convert(name, text);
            assertFalse(SpecConverter.isOldFormat(toml), toml);
            assertEquals(content(before), content(SpecParser.parse(name, toml)), name + " converted:\n" + toml);
            final String shipped = Files.readString(REPO.resolve(SHIPPED.get(name)));
            assertEquals(content(before), content(SpecParser.parse(name, shipped)), SHIPPED.get(name));
            assertEquals(text.lines().filter(l -> l.startsWith("#")).toList(), toml.lines().filter(l -> l.startsWith("#")).toList(),
                name + ": every comment line kept, in order");
        }
    }

    @Test
    void everyKeyAndAwkwardValuesSurviveTheConversion() {
        final String old = String.join("\n",
            "; semicolon comment",
            "[group]",
            "name = db1",
            "grace-period = 1500ms",
            "ready-timeout = 2m",
            "on-failure = continue",
            "classpath = lib/app.jar:classes",
            "entries = 64",
            "receivers = 128",
            "uitt = 1_024",
            "[process lgwr]",
            "main = com.example.LogWriter",
            "role = r#1",
            "order = 1",
            "restart = on-failure:3",
            "jvm-options = -Xmx64m \"-Dgreeting=hello \\ \\\"world\\\"\"",
            "args = --batch 16 'two words' # dropped",
            "ready = started",
            "[process fg]",
            "main = com.example.Foreground",
            "count = 3",
            "");
        final String toml = SpecConverter.convert("db.uipc", old);
        assertEquals(content(LegacySpecParser.parse("db.uipc", old).spec()), content(SpecParser.parse("db.toml", toml)), toml);
        assertTrue(toml.startsWith("# semicolon comment\n"), toml);
    }

    @Test
    void aMalformedOldSpecIsOneLineNamingTheLineAndField() {
        assertEquals("old.spec:3: 'count': expected an integer, got 'many'",
            assertThrows(SpecException.class, () -> SpecConverter.convert("old.spec", "[process a]\nmain = A\ncount = many\n")).getMessage());
    }

    @Test
    void onlyGroupAndProcessSectionLinesMarkTheOldFormat() {
        assertTrue(OldSpecFormat.isOld("[group]\n"));
        assertTrue(OldSpecFormat.isOld("# x\n  [ process  a-1 ]  ; comment\r\nmain = A\n"));
        assertFalse(OldSpecFormat.isOld("[[member]]\nname = \"a\"\nmain = \"A\"\n"));
        assertFalse(OldSpecFormat.isOld("[process.a]\n"));
        assertFalse(OldSpecFormat.isOld("args = [\"[group]\"]\n"));
    }
}
