package io.uipc.launcher.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 17 and issue 13, the spec's part: comments, the docs' spec examples and the shipped specs, and the
 * errors that must name the file, line and field (NUL, bad UTF-8, unreadable files, member counts over the group's
 * capacities, programmatic values out of range).
 */
@Timeout(10)
class SpecErrorsTest {
    /** SpecFile.MAX_BYTES, the largest spec file. */
    private static final int MAX_BYTES = 1 << 20;
    private static final Pattern TOML_BLOCK = Pattern.compile("```toml\\n(.*?)```", Pattern.DOTALL);

    private static SpecException error(final String text) {
        return assertThrows(SpecException.class, () -> SpecParser.parse("s.toml", text));
    }

    @Test
    void aHashInAStringIsKeptAndAfterAValueStartsAComment() {
        final LaunchSpec spec = SpecParser.parse("s.toml", String.join("\n",
            "grace-period = \"5s\"   # before SIGKILL",
            "[[member]]  # the first",
            "name = \"a\"",
            "main = \"A\" # required",
            "args = [\"--tag=#1\", \"quoted # kept\", 'single # kept'] # dropped",
            "jvm-options = [\"-Dx=1\"]\t# a tab before it",
            "role = \"r#1\"",
            "#   whole-line comment",
            "   # indented comment"));
        final ProcessSpec a = spec.processes().get(0);
        assertEquals(Duration.ofSeconds(5), spec.gracePeriod());
        assertEquals("A", a.mainClass());
        assertEquals(List.of("--tag=#1", "quoted # kept", "single # kept"), a.args());
        assertEquals(List.of("-Dx=1"), a.jvmOptions());
        assertEquals("r#1", a.role());
    }

    @Test
    void everySpecExampleInTheDocsAndEveryShippedSpecParses() throws IOException {
        final Path repo = Path.of("..").toAbsolutePath().normalize();
        final List<Path> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(repo.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        docs.add(repo.resolve("README.md"));
        docs.add(repo.resolve("examples/README.md"));
        int examples = 0;
        for (final Path doc : docs) {
            final String text = Files.readString(doc);
            assertFalse(text.contains("```ini"), doc + " shows a spec in the old format");
            final Matcher m = TOML_BLOCK.matcher(text);
            while (m.find()) {
                final String where = repo.relativize(doc) + " example " + ++examples;
                final LaunchSpec spec = SpecParser.parse(where, m.group(1));
                assertFalse(spec.processes().isEmpty(), where);
            }
        }
        assertTrue(examples >= 1, "docs/launcher.md shows the spec format in a ```toml block");
        final LaunchSpec db = SpecParser.parse("docs", firstTomlBlock(repo.resolve("docs/launcher.md")));
        assertEquals(Optional.of("db1"), db.groupName());
        assertEquals(Duration.ofSeconds(5), db.gracePeriod());
        assertEquals(List.of("-Xmx64m", "-Dlog.dir=/tmp/redo logs"), db.processes().get(0).jvmOptions());
        assertEquals(List.of("--redo-size", "64m"), db.processes().get(0).args());
        assertEquals(List.of("lgwr", "fg-1", "fg-2", "fg-3", "fg-4"), db.memberNames());
        final List<Path> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(repo.resolve("examples"))) {
            files.filter(p -> p.toString().endsWith(".toml")).forEach(specs::add);
        }
        assertEquals(4, specs.size(), specs::toString);
        specs.add(repo.resolve("cli/src/main/resources/io/uipc/cli/demo.toml"));
        specs.add(repo.resolve("launcher/src/test/resources/specs/pair.toml"));
        for (final Path spec : specs) {
            assertFalse(SpecParser.parse(spec).processes().isEmpty(), spec.toString());
        }
    }

    private static String firstTomlBlock(final Path doc) throws IOException {
        final Matcher m = TOML_BLOCK.matcher(Files.readString(doc));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void aNulCharacterNamesTheLineAndField() {
        assertEquals("s.toml:4: 'args': NUL character (\\x00) not allowed in a spec",
            error("[[member]]\nname = \"a\"\nmain = \"A\"\nargs = [\"one\0two\"]\n").getMessage());
        assertEquals("s.toml:1: NUL character (\\x00) not allowed in a spec", error("[[member\0]]\n").getMessage());
        assertEquals("s.toml:4: 'args': args: NUL character (\\x00) not allowed in 'one\\x00two'",
            error("[[member]]\nname = \"a\"\nmain = \"A\"\nargs = [\"one\\u0000two\"]\n").getMessage(), "an escaped NUL too");
        assertEquals("s.toml:1: 'classpath': NUL character (\\x00) not allowed",
            error("classpath = [\"lib\\u0000/x.jar\"]\n[[member]]\nname = \"a\"\nmain = \"A\"\n").getMessage());
    }

    @Test
    void malformedUtf8NamesTheFileAndLine(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("bad.toml");
        final byte[] head = "[[member]]\nname = \"a\"\nmain = \"A\"\nrole = \"caf".getBytes(StandardCharsets.US_ASCII);
        final byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);
        assertEquals(file + ":4: not valid UTF-8 (byte 0xe9 at column 12): save the spec as UTF-8",
            assertThrows(SpecException.class, () -> SpecParser.parse(file)).getMessage());
        Files.writeString(file, "\uFEFF[[member]]\nname = \"a\"\nmain = \"A\"\n");
        assertEquals(List.of("a"), SpecParser.parse(file).memberNames(), "a UTF-8 byte order mark is allowed");
    }

    @Test
    void aSpecThatIsNotARegularFileIsRefusedWithoutReadingIt(@TempDir final Path dir) throws Exception {
        assertEquals(dir + ": not a regular file (a directory): give the path of a spec file",
            assertThrows(SpecException.class, () -> SpecParser.parse(dir)).getMessage());
        final Path fifo = dir.resolve("fifo.toml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(fifo + ": not a regular file (a FIFO, socket or device): give the path of a spec file",
            assertThrows(SpecException.class, () -> SpecParser.parse(fifo)).getMessage(), "and no hang");
        final Path big = dir.resolve("big.toml");
        Files.write(big, new byte[MAX_BYTES + 1]);
        assertEquals(big + ": " + (MAX_BYTES + 1) + " bytes: a spec file is at most " + MAX_BYTES + " bytes",
            assertThrows(SpecException.class, () -> SpecParser.parse(big)).getMessage());
    }

    @Test
    void membersBeyondTheGroupsCapacitiesAreRefusedAtParseTime() {
        final String a = "[[member]]\nname = \"a\"\nmain = \"A\"\ncount = ";
        assertEquals("s.toml:1: 'entries': 5 members (a: 3, b: 2) need 5 table entries, but entries = 4",
            error("entries = 4\n" + a + "3\n[[member]]\nname = \"b\"\nmain = \"B\"\ncount = 2\n").getMessage());
        assertEquals("s.toml:2: 'receivers': 5 members (a: 5) need 5 receivers, but receivers = 3",
            error("entries = 8\nreceivers = 3\n" + a + "5\n").getMessage());
        assertEquals("s.toml: 'entries': 300 members (a: 300) need 300 table entries, but entries = 256",
            error(a + "300\n").getMessage());
        assertEquals(300, LaunchSpec.of(ProcessSpec.of("a", "A").count(300)).entries(), "programmatic specs grow to fit");
    }

    @Test
    void programmaticValuesAreRangeCheckedNamingTheField() {
        final LaunchSpec spec = LaunchSpec.of(ProcessSpec.of("a", "A"));
        assertEquals("launch spec: 'grace-period': duration PT-1S out of range 0 to 24 hours",
            assertThrows(SpecException.class, () -> spec.gracePeriod(Duration.ofSeconds(-1))).getMessage());
        assertEquals("launch spec: 'grace-period': duration PT25H out of range 0 to 24 hours",
            assertThrows(SpecException.class, () -> spec.gracePeriod(Duration.ofHours(25))).getMessage());
        assertEquals("launch spec: 'ready-timeout': duration PT0S out of range 1 ms to 24 hours",
            assertThrows(SpecException.class, () -> spec.readyTimeout(Duration.ZERO)).getMessage());
        assertEquals("launch spec: 'ready-timeout': must be given",
            assertThrows(SpecException.class, () -> spec.readyTimeout(null)).getMessage());
        assertEquals("launch spec: 'on-failure': must be given",
            assertThrows(SpecException.class, () -> spec.onFailure(null)).getMessage());
        final ProcessSpec p = ProcessSpec.of("p", "P");
        assertEquals("args: NUL character (\\x00) not allowed in 'a\\x00b'",
            assertThrows(IllegalArgumentException.class, () -> p.args("a\0b")).getMessage());
        assertEquals("jvm-options: must not be null",
            assertThrows(IllegalArgumentException.class, () -> p.jvmOptions((List<String>) null)).getMessage());
        assertEquals("restart: must be given", assertThrows(IllegalArgumentException.class, () -> p.restart(null)).getMessage());
        assertEquals("ready: must be given", assertThrows(IllegalArgumentException.class, () -> p.readiness(null)).getMessage());
        assertEquals("role 'a\\x1b[2J' must be 1 to 16 printable ASCII characters without spaces",
            assertThrows(IllegalArgumentException.class, () -> p.role("a\u001b[2J")).getMessage());
    }

    @Test
    void controlCharactersInMessagesAreEscaped() {
        final String message = error("[[member]]\nname = \"a\"\nmain = \"A\"\n\"\\u001b[2Jcolour\\r\" = 1\n").getMessage();
        assertTrue(message.startsWith("s.toml:4: '\\x1b[2Jcolour\\x0d': unknown key in [[member]]"), message);
    }
}
