package io.uipc.launcher.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes the TOML spec parser (issues 11 and 13): TOML-shaped mutations of valid specs (the docs' examples,
 * the example specs, a spec using every key) and random text and bytes, with fixed seeds. Every input either
 * parses or throws a {@link SpecException} whose message is one line without control characters, naming the
 * file: no other exception (no stack trace from the TOML reader), no hang. CI runs a few thousand inputs in
 * well under a second; {@code -Duipc.fuzz.specs=N}
 * runs N mutations instead.
 */
class SpecParserFuzzTest {
    private static final int MUTATIONS = Integer.getInteger("uipc.fuzz.specs", 2_000);
    private static final int RANDOM_TEXTS = MUTATIONS / 8;
    private static final int RANDOM_FILES = MUTATIONS / 40;
    private static final Pattern TOML_BLOCK = Pattern.compile("```toml\\n(.*?)```", Pattern.DOTALL);
    private static final String EVERY_KEY = String.join("\n", "group = \"g1\"", "grace-period = \"1500ms\"", "ready-timeout = '2m'",
        "on-failure = \"continue\"", "classpath = [\"lib/app.jar\", 'classes']", "entries = 64", "receivers = 128", "uitt = 1_024",
        "[[member]]", "name = \"lgwr\"", "main = \"com.example.LogWriter\"", "role = \"background\"", "order = 1",
        "restart = \"on-failure:3\"", "jvm-options = [\"-Xmx64m\", \"-Dgreeting=hello world\"]",
        "args = [", "  \"--batch\", \"16\", # comment", "  '''two words''',", "]", "ready = \"joined\"",
        "[[member]]", "name = \"fg\"", "main = \"com.example.Foreground\"", "count = 3", "ready = \"started\"", "");
    /** Characters that matter to the format, and some that should not be there at all. */
    private static final String INTERESTING = "#=[]{}\"'\\ \t\n\r\0:-_.,0123456789msabz\u00e9\u0085\u2028\u001b\ud800\uffff\u00a0";
    private static final String[] TOKENS = {"[[member]]", "[member]", "[group]", "[process x]", "count = ", "= ", "name = \"a\"",
        "main = \"A\"", "99999999999999999999", "-1", "1.5", "true", "inf", "1979-05-27T07:32:00Z", "\"1440m\"", "\"86400001ms\"",
        "\"on-failure:\"", "2147483647", "entries = 1", "receivers = 0", "member = 1", "x.y = 2", "{ a = 1 }", "[]", "[[]]",
        "\"\"\"", "'''", "\"", "'", "\\u0000", " # ", "\n", "\r\n"};

    @Test
    void everySpecEitherParsesOrFailsWithOneLine(@TempDir final Path dir) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            final List<String> seeds = seeds();
            final Random random = new Random(0x5EEDL);
            for (int i = 0; i < MUTATIONS; i++) {
                check(mutate(seeds.get(random.nextInt(seeds.size())), random));
            }
            for (int i = 0; i < RANDOM_TEXTS; i++) {
                check(randomText(random));
            }
            for (int i = 0; i < RANDOM_FILES; i++) {
                final byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                final byte[] spec = i % 2 == 0 ? bytes : splice(seeds.get(i % seeds.size()).getBytes(StandardCharsets.UTF_8), bytes, random);
                final Path file = Files.write(dir.resolve("f" + i + ".toml"), spec);
                check(() -> SpecParser.parse(file), file.getFileName().toString(), "the bytes of " + file);
            }
        });
    }

    private static void check(final String text) {
        check(() -> SpecParser.parse("fuzz.toml", text), "fuzz.toml", text);
    }

    private static void check(final java.util.function.Supplier<LaunchSpec> parse, final String file, final String input) {
        try {
            parse.get();
        } catch (final SpecException e) {
            final String m = e.getMessage();
            if (m.isEmpty() || m.chars().anyMatch(c -> c < ' ' || c >= 0x7f && c <= 0x9f)) {
                fail("a spec error that is not one printable line: " + escape(m) + "\nfor the input: " + escape(input));
            }
            if (!m.contains(file)) {
                fail("a spec error that does not name the file " + file + ": " + escape(m) + "\nfor the input: " + escape(input));
            }
        } catch (final RuntimeException | Error e) {
            throw new AssertionError("not a SpecException for the input: " + escape(input), e);
        }
    }

    private static List<String> seeds() throws IOException {
        final List<String> seeds = new ArrayList<>(List.of(EVERY_KEY, "[[member]]\nname = \"a\"\nmain = \"A\"\n"));
        final Path repo = Path.of("..").toAbsolutePath().normalize();
        final Matcher m = TOML_BLOCK.matcher(Files.readString(repo.resolve("docs/launcher.md")));
        while (m.find()) {
            seeds.add(m.group(1));
        }
        try (Stream<Path> specs = Files.list(repo.resolve("examples"))) {
            for (final Path spec : (Iterable<Path>) specs.filter(p -> p.toString().endsWith(".toml"))::iterator) {
                seeds.add(Files.readString(spec));
            }
        }
        return seeds;
    }

    private static String mutate(final String seed, final Random random) {
        final StringBuilder s = new StringBuilder(seed);
        final int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            final int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.insert(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(20)));
                case 2 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 3 -> s.setLength(at);
                case 4 -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(80))));
                default -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
            }
        }
        return s.toString();
    }

    private static String randomText(final Random random) {
        final StringBuilder s = new StringBuilder();
        final int n = random.nextInt(300);
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(4) == 0 ? TOKENS[random.nextInt(TOKENS.length)] : String.valueOf(INTERESTING.charAt(random.nextInt(INTERESTING.length()))));
        }
        return s.toString();
    }

    private static byte[] splice(final byte[] spec, final byte[] noise, final Random random) {
        final int at = random.nextInt(spec.length + 1);
        final byte[] out = new byte[spec.length + noise.length];
        System.arraycopy(spec, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(spec, at, out, at + noise.length, spec.length - at);
        return out;
    }

    private static String escape(final String s) {
        final StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < ' ' || c > '~' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
