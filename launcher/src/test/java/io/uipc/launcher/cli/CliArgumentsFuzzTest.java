package io.uipc.launcher.cli;

import io.uipc.table.GroupSpec;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes the {@code uipc} commands' arguments (issue 11), running them in this JVM through Picocli as
 * {@link LauncherUipcCommand} does, with random and mutated command lines from a fixed seed. Every run
 * exits 0 (nothing on stderr), 1 (a failure: one line {@code uipc COMMAND: ...}) or 2 (bad usage: one
 * line ending with where the help is); an unknown command is 2 (unless help or the version is asked
 * for, which Picocli answers first); no output holds a stack trace
 * or a raw control character; and nothing is created outside the test's group root (every command
 * that takes {@code --dir} gets the root; the specs all fail before anything starts).
 * {@code -Duipc.fuzz.cli=N} runs N command lines instead of the CI's few hundred.
 */
class CliArgumentsFuzzTest {
    private static final int RUNS = Integer.getInteger("uipc.fuzz.cli", 150);
    private static final Set<String> TAKE_DIR = Set.of("create", "destroy", "launch", "ps", "send", "stop");
    /** The commands on groups; {@code backends} probes every backend (tens of ms), so it comes up in one line of 20. */
    private static final String[] COMMANDS = {"create", "destroy", "launch", "ps", "send", "reap", "rotate-secret", "ls", "help",
        "generate-completion", "stop"};
    /** A usage error: one line naming the command, ending with where its help is (issue 13). */
    private static final Pattern USAGE_LINE = Pattern.compile("uipc( [a-z-]+)?: .+ \\(see 'uipc help( [a-z-]+)?'\\)");
    private static final String[] GROUPS = {"fzg1", "fzg2", "..", ".", ".hidden", "a/b", "x".repeat(65), "fz\u001b[2J", "", "-x", "fz\0g",
        "fz\ng"};
    private static final String[] OPTIONS = {"--entries", "--receivers", "--uitt", "--unix-group", "--backend", "--json", "--force",
        "--group", "--classpath", "--help", "-h", "--version", "-V", "-x", "--entries=", "--", "-", "--json=true", "--colour\u001b"};
    /** Small or invalid only: a valid huge capacity would make a large file in /dev/shm. */
    private static final String[] NUMBERS = {"0", "-1", "1", "8", "63", "64", "2147483648", "abc", "1_000", "99999999", "0x10", " 7"};
    private static final String[] WORDS = {"emulated", "hardware", "auto", "nosuch", "no-such-unix-group", "m", "m\u009b1", "a:b", "\0"};

    @Test
    void everyCommandLineExitsZeroOneOrTwoWithAtMostOneLineAndTouchesOnlyItsRoot() throws Exception {
        final Path cwd = Path.of("").toAbsolutePath();
        final List<String> cwdBefore = listing(cwd);
        try (TempGroups groups = new TempGroups("clifuzz")) {
            final Path root = groups.root();
            final List<String> specs = specs(root);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                final Random random = new Random(0xC11L);
                for (int i = 0; i < RUNS; i++) {
                    final List<String> args = commandLine(random, specs);
                    if (!args.isEmpty() && TAKE_DIR.contains(args.get(0))) {
                        args.add("--dir");
                        args.add(root.toString());
                    }
                    check(args, InProcessCli.run(args.toArray(new String[0])));
                }
            });
        }
        for (final String group : new String[] {"fzg1", "fzg2"}) {
            assertFalse(Files.exists(GroupSpec.defaultRoot().resolve(group)), "nothing in the default root");
        }
        assertEquals(cwdBefore, listing(cwd), "nothing in the working directory");
    }

    /**
     * Issue 13: a few bad command lines of every command, each bad usage (exit 2) in one line
     * {@code uipc COMMAND: WHAT (see 'uipc help COMMAND')}, nothing on stdout: unknown options and
     * commands, missing, extra and malformed parameters, and values checked while parsing (a backend).
     */
    @Test
    void badCommandLinesOfEveryCommandAreOneUsageLineExitingTwo() throws Exception {
        try (TempGroups groups = new TempGroups("clibad")) {
            final String dir = groups.root().toString();
            final String spec = groups.root().resolve("missing.toml").toString();
            final Object[][] cases = {
                {"create", "unknown option '--frobnicate'", "create", "g", "--frobnicate", "--dir", dir},
                {"create", "missing required parameter: 'GROUP'", "create", "--dir", dir},
                {"create", "unexpected argument 'h'", "create", "g", "h", "--dir", dir},
                {"create", "invalid value for option '--entries': 'abc' is not an int", "create", "g", "--entries", "abc", "--dir", dir},
                {"create", "invalid value for option '--backend': unknown backend 'foo': use ", "create", "g", "--backend", "foo", "--dir", dir},
                {"create", "missing required parameter for option '--uitt' (N)", "create", "g", "--dir", dir, "--uitt"},
                {"create", "invalid group name '..'", "create", "..", "--dir", dir},
                {"destroy", "missing required parameter: 'GROUP'", "destroy", "--force", "--dir", dir},
                {"destroy", "unknown option '-f'", "destroy", "g", "-f", "--dir", dir},
                {"destroy", "invalid value for option '--force'", "destroy", "g", "--force=maybe", "--dir", dir},
                {"launch", "missing required parameter: 'SPEC'", "launch", "--dir", dir},
                {"launch", "invalid value for option '--backend': unknown backend 'x'", "launch", spec, "--backend", "x", "--dir", dir},
                {"launch", "unexpected argument 'more'", "launch", spec, "more", "--dir", dir},
                {"launch", "missing required parameter for option '--group' (G)", "launch", spec, "--dir", dir, "--group"},
                {"ps", "missing required parameter: 'GROUP'", "ps", "--json", "--dir", dir},
                {"ps", "unknown option '--jsn'", "ps", "g", "--jsn", "--dir", dir},
                {"ps", "unexpected argument 'h'", "ps", "g", "h", "--dir", dir},
                {"send", "missing required parameter: 'VECTOR'", "send", "g", "m", "--dir", dir},
                {"send", "invalid value for positional parameter at index 2 (VECTOR): 'x' is not an int", "send", "g", "m", "x", "--dir", dir},
                {"send", "vector 64 is out of range", "send", "g", "m", "64", "--dir", dir},
                {"send", "unexpected argument '2'", "send", "g", "m", "1", "2", "--dir", dir},
                {"reap", "missing required parameter: 'GROUP'", "reap", "--dir", dir},
                {"reap", "unknown option '--force'", "reap", "g", "--force", "--dir", dir},
                {"rotate-secret", "unexpected argument 'h'", "rotate-secret", "g", "h", "--dir", dir},
                {"rotate-secret", "missing required parameter for option '--dir' (DIR)", "rotate-secret", "g", "--dir"},
                {"launch", "--dry-run and --detach exclude each other", "launch", spec, "--dry-run", "--detach", "--dir", dir},
                {"launch", "--log is the log of a detached launch: add --detach", "launch", spec, "--log", "x.log", "--dir", dir},
                {"stop", "missing required parameter: 'GROUP'", "stop", "--dir", dir},
                {"stop", "invalid value for option '--timeout': expected a duration such as 500ms, 5s or 2m, got 'soon'", "stop", "g", "--timeout", "soon", "--dir", dir},
                {"stop", "invalid group name '.x'", "stop", ".x", "--dir", dir},
                {"ls", "unexpected argument 'g'", "ls", "g", "--dir", dir},
                {"ls", "invalid value for option '--json'", "ls", "--json=yes", "--dir", dir},
                {"metrics", "missing required parameter: 'GROUP'", "metrics", "--dir", dir},
                {"metrics", "missing required parameter for option '--output' (FILE)", "metrics", "g", "--dir", dir, "--output"},
                {"metrics", "unexpected argument 'h'", "metrics", "g", "h", "--dir", dir},
                {"top", "missing required parameter: 'GROUP'", "top", "--json", "--dir", dir},
                {"top", "--interval must be 0.1 to 3600 seconds, not 0.0", "top", "g", "--interval", "0", "--dir", dir},
                {"top", "--count must be 0 (no limit) or more, not -2", "top", "g", "--count", "-2", "--dir", dir},
                {"top", "invalid value for option '--count'", "top", "g", "--count", "x", "--dir", dir},
                {"backends", "unexpected argument 'all'", "backends", "all"},
                {"convert-spec", "missing required parameter: 'SPEC'", "convert-spec"},
                {"convert-spec", "unexpected argument 'b'", "convert-spec", spec, "b"},
                {"backends", "unknown option '--dir'", "backends", "--dir", dir},
                {"jvm-flags", "invalid value for option '--jdk'", "jvm-flags", "--jdk", "x"},
                {"jvm-flags", "--jdk 16: uipc needs Java 17 or later", "jvm-flags", "--jdk", "16"},
                {"jvm-flags", "unexpected argument 'g'", "jvm-flags", "g"},
                {"", "unknown command 'frobnicate'", "frobnicate"},
                {"", "unknown option '--frobnicate'", "--frobnicate"},
                {"", "unknown command 'frob'", "help", "frob"},
                {"generate-completion", "unknown option '--shell'", "generate-completion", "--shell", "zsh"},
            };
            final Set<String> covered = new HashSet<>();
            for (final Object[] c : cases) {
                final String[] args = new String[c.length - 2];
                System.arraycopy(c, 2, args, 0, args.length);
                final InProcessCli.Result r = InProcessCli.run(args);
                final String command = c[0].equals("") ? "uipc" : "uipc " + c[0];
                final String where = "for " + escape(String.join(" | ", args)) + ": " + escape(r.toString());
                assertEquals(2, r.exitCode(), where);
                assertEquals("", r.out(), where);
                final List<String> lines = r.err().lines().toList();
                assertEquals(1, lines.size(), where);
                assertTrue(lines.get(0).startsWith(command + ": " + c[1]), where);
                assertTrue(lines.get(0).endsWith(" (see '" + command.replace("uipc", "uipc help").strip() + "')"), where);
                covered.add(args[0]);
            }
            final Set<String> every = new HashSet<>(LauncherUipcCommand.commandLine().getSubcommands().keySet());
            every.removeAll(covered);
            assertEquals(Set.of(), every, "commands with no bad command line tried");
            assertEquals(List.of(), listing(groups.root()), "nothing created");
        }
    }

    private static List<String> commandLine(final Random random, final List<String> specs) {
        final List<String> args = new ArrayList<>();
        final int shape = random.nextInt(20);
        args.add(shape < 2 ? pick(random, OPTIONS) : shape < 4 ? "frob" + pick(random, GROUPS) : shape == 4 ? "backends" : pick(random, COMMANDS));
        final int more = random.nextInt(6);
        for (int i = 0; i < more; i++) {
            switch (random.nextInt(5)) {
                case 0 -> args.add(pick(random, GROUPS));
                case 1 -> args.add(pick(random, OPTIONS));
                case 2 -> args.add(pick(random, NUMBERS));
                case 3 -> args.add(args.get(0).equals("launch") ? specs.get(random.nextInt(specs.size())) : pick(random, WORDS));
                default -> args.add(mutate(pick(random, random.nextBoolean() ? GROUPS : OPTIONS), random));
            }
        }
        return args;
    }

    private static void check(final List<String> args, final InProcessCli.Result r) {
        final String where = "for " + escape(String.join(" | ", args)) + ": " + escape(r.toString());
        final String command = Set.of(COMMANDS).contains(args.get(0)) || args.get(0).equals("backends") ? "uipc " + args.get(0) : "uipc";
        if (r.err().contains("\tat ") || r.out().contains("\tat ") || r.err().contains("Exception in thread")) {
            fail("a stack trace " + where);
        }
        final List<String> lines = r.err().lines().toList();
        switch (r.exitCode()) {
            case 0 -> assertTrue(r.err().isEmpty(), "exit 0 with an error " + where);
            case 1 -> {
                assertEquals(1, lines.size(), "one error line " + where);
                assertTrue(lines.get(0).startsWith(command + ": ") && !USAGE_LINE.matcher(lines.get(0)).matches(), "a failure line " + where);
            }
            case 2 -> {
                assertEquals(1, lines.size(), "one usage line " + where);
                assertTrue(USAGE_LINE.matcher(lines.get(0)).matches(), "a usage line " + where);
            }
            default -> fail("exit code " + r.exitCode() + " " + where);
        }
        assertFalse(r.err().chars().anyMatch(c -> c < ' ' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f), "raw control character " + where);
        final boolean helpAsked = args.stream().anyMatch(a -> a.startsWith("-h") || a.startsWith("-V") || a.startsWith("--help")
            || a.startsWith("--version"));
        if (args.get(0).startsWith("frob") && !helpAsked) {
            assertEquals(2, r.exitCode(), "an unknown command is bad usage " + where);
        }
    }

    /** @return spec files that all fail before anything starts: missing, a directory, a FIFO, bad text, an unknown main class */
    private static List<String> specs(final Path root) throws Exception {
        final Path fifo = root.resolve("fifo.toml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return List.of(root.resolve("missing.toml").toString(), root.toString(), fifo.toString(),
            Files.writeString(root.resolve("bad.toml"), "[[member]]\nname = \"a\"\nmain = A B\n").toString(),
            Files.writeString(root.resolve("nomain.toml"), "[[member]]\nname = \"a\"\nmain = \"does.not.Exist\" # comment\ncount = 2\n")
                .toString(),
            Files.writeString(root.resolve("big.toml"), "[[member]]\nname = \"a\"\nmain = \"does.not.Exist\"\ncount = 300\n").toString(),
            Files.writeString(root.resolve("old.spec"), "[process a]\nmain = does.not.Exist\n").toString());
    }

    private static String mutate(final String word, final Random random) {
        final StringBuilder s = new StringBuilder(word);
        final int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
        s.insert(at, "=\0\u001b-. /\\'\"".charAt(random.nextInt(10)));
        return s.toString();
    }

    private static String pick(final Random random, final String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static List<String> listing(final Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String escape(final String s) {
        final StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < ' ' || c > '~' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
