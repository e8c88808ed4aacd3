package io.uipc.launcher.cli;

import io.uipc.launcher.spec.SpecParser;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: an old-format spec given to {@code uipc launch} is one line naming the command that converts it, exit 2,
 * nothing started; {@code uipc convert-spec} prints the TOML that {@code launch} then reads.
 */
@Timeout(60)
class ConvertSpecCommandTest {
    private static final String OLD = "# two members\n[group]\ngrace-period = 2s\n\n[process a]\nmain = com.example.A\ncount = 2\n"
        + "args = --mode 'two words'\n";

    @Test
    void anOldSpecIsRefusedWithTheConvertCommandAndConvertSpecPrintsItsToml(@TempDir final Path dir) throws IOException {
        final Path old = Files.writeString(dir.resolve("db.spec"), OLD);
        try (TempGroups groups = new TempGroups("convert")) {
            final InProcessCli.Result launch = InProcessCli.run("launch", old.toString(), "--dir", groups.root().toString());
            assertEquals(2, launch.exitCode(), launch::toString);
            assertEquals("uipc launch: " + old + " is in uipc's old spec format; convert it with: uipc convert-spec " + old + " > "
                + dir.resolve("db.toml") + " (see 'uipc help launch')" + System.lineSeparator(), launch.err());
            assertTrue(!Files.exists(groups.root()) || isEmpty(groups.root()), "nothing created");
        }
        final InProcessCli.Result convert = InProcessCli.run("convert-spec", old.toString());
        assertEquals(0, convert.exitCode(), convert::toString);
        assertEquals("", convert.err());
        assertTrue(convert.out().startsWith("# two members\n"), convert::toString);
        final Path toml = Files.writeString(dir.resolve("db.toml"), convert.out());
        assertEquals(List.of("a-1", "a-2"), SpecParser.parse(toml).memberNames());
        assertEquals(List.of("--mode", "two words"), SpecParser.parse(toml).processes().get(0).args());
    }

    private static boolean isEmpty(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    @Test
    void convertSpecRefusesWhatIsNotAnOldSpecInOneLine(@TempDir final Path dir) throws IOException {
        final Path toml = Files.writeString(dir.resolve("new.toml"), "[[member]]\nname = \"a\"\nmain = \"A\"\n");
        final InProcessCli.Result r = InProcessCli.run("convert-spec", toml.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("uipc convert-spec: " + toml + " is not in uipc's old spec format (no [group] or [process NAME] line) "
            + "(see 'uipc help convert-spec')" + System.lineSeparator(), r.err());
        final Path bad = Files.writeString(dir.resolve("bad.spec"), "[process a]\nmain = A\ncount = 0\n");
        final InProcessCli.Result invalid = InProcessCli.run("convert-spec", bad.toString());
        assertEquals(1, invalid.exitCode(), invalid::toString);
        assertEquals("uipc convert-spec: " + bad + ":3: 'count': count 0 out of range 1..1000" + System.lineSeparator(), invalid.err());
        assertEquals("", invalid.out());
    }
}
