package io.uipc.dist;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release as a user installs it (issue 13): {@code uipc-VERSION.tar.gz} extracted into a temporary
 * directory, {@code bin/uipc} reached through a symlink on a {@code PATH} that has java and a few
 * shell tools but no Maven, run from another working directory. Each {@link #COMMANDS} line is one
 * command line with its exit code and a piece of its output; {@code help COMMAND} lines also require
 * that command's man page. Then the completion script, every man page, and the zip's entries.
 */
@Timeout(600)
class DistributionTest {
    /** One command line to run and what it must do. */
    private record Check(int exitCode, String expected, List<String> args) {
        @Override
        public String toString() {
            return "uipc " + String.join(" ", args);
        }
    }

    private static Check check(final int exitCode, final String expected, final String... args) {
        return new Check(exitCode, expected, List.of(args));
    }

    /** The command lines, in order ({dir} is a group root under the temporary directory). One line per check. */
    private static final List<Check> COMMANDS = List.of(
        check(0, "uipc " + System.getProperty("uipc.project.version") + " (commit ", "--version"),
        check(0, "Usage: uipc", "help"),
        check(0, "Usage: uipc ps", "help", "ps"),
        check(0, "Usage: uipc create", "help", "create"),
        check(0, "Usage: uipc ls", "help", "ls"),
        check(0, "Usage: uipc launch", "help", "launch"),
        check(0, "Usage: uipc demo", "help", "demo"),
        check(0, "Usage: uipc top", "help", "top"),
        check(0, "Usage: uipc metrics", "help", "metrics"),
        check(0, "Usage: uipc stop", "help", "stop"),
        check(0, "--add-exports=java.base/", "jvm-flags"),
        check(0, "uipc demo: OK", "demo", "--dir", "{dir}"),
        check(0, "created group dist", "create", "dist", "--dir", "{dir}", "--entries", "32"),
        check(0, "dist", "ls", "--dir", "{dir}"),
        check(0, "group dist at", "ps", "dist", "--dir", "{dir}"),
        check(0, "\"group\":\"dist\"", "top", "dist", "--json", "--count", "2", "--interval", "0.1", "--dir", "{dir}"),
        check(0, "uipc_group_capacity{group=\"dist\"} 32", "metrics", "dist", "--dir", "{dir}"),
        check(0, "destroyed group dist", "destroy", "dist", "--dir", "{dir}"),
        check(2, "uipc create: ", "create", "--backend", "nope", "x", "--dir", "{dir}"));

    private static final Path TARBALL = Paths.get(System.getProperty("uipc.dist.tarball", "missing.tar.gz"));
    private static final Path ZIP = Paths.get(System.getProperty("uipc.dist.zip", "missing.zip"));
    /** The shell tools bin/uipc, bash -c and tar need: symlinked into the PATH the test gives them. */
    private static final List<String> TOOLS = List.of("bash", "env", "readlink", "dirname", "sed", "cat", "tar", "gzip");

    private static Path temp;
    private static Path home;
    private static Path path;
    private static Path groups;

    @BeforeAll
    static void extractTheTarballAndBuildAPathWithoutMaven() throws Exception {
        assertTrue(Files.isRegularFile(TARBALL), TARBALL + " (built by package)");
        temp = Files.createTempDirectory("uipc-dist-test");
        final Path tools = Files.createDirectories(temp.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("java"), Paths.get(System.getProperty("java.home"), "bin", "java"));
        for (final String tool : TOOLS) {
            Files.createSymbolicLink(tools.resolve(tool), which(tool));
        }
        final Path install = Files.createDirectories(temp.resolve("opt"));
        final Run untar = run(List.of(tools.resolve("tar").toString(), "xzf", TARBALL.toString(), "-C", install.toString()),
            install, Map.of("PATH", tools.toString()));
        assertEquals(0, untar.exitCode(), untar.output());
        final String name = TARBALL.getFileName().toString().replace(".tar.gz", "");
        home = install.resolve(name);
        // bin/uipc as a user links it: a symlink in a directory on PATH, before the tools.
        final Path links = Files.createDirectories(temp.resolve("links"));
        Files.createSymbolicLink(links.resolve("uipc"), home.resolve("bin/uipc"));
        path = Paths.get(links + File.pathSeparator + tools);
        groups = temp.resolve("groups");
        for (final String dir : path.toString().split(File.pathSeparator)) {
            assertFalse(Files.exists(Paths.get(dir, "mvn")), "mvn on the test's PATH in " + dir);
        }
    }

    @AfterAll
    static void removeTheInstallation() throws IOException {
        if (temp != null) {
            try (Stream<Path> files = Files.walk(temp)) {
                for (final Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Stream<Check> commands() {
        return COMMANDS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theInstalledUipcRunsWithoutMavenFromAnyDirectory(final Check check) throws Exception {
        final List<String> args = check.args().stream().map(a -> a.replace("{dir}", groups.toString())).toList();
        final Run r = uipc(args);
        assertEquals(check.exitCode(), r.exitCode(), check + ": " + r.output());
        assertTrue(r.output().contains(check.expected()), check + " printed no '" + check.expected() + "': " + r.output());
        if (args.size() == 2 && args.get(0).equals("help")) {
            assertTrue(Files.isRegularFile(home.resolve("man/man1/uipc-" + args.get(1) + ".1")), "man page of " + check);
        }
    }

    @Test
    void theCompletionScriptRegistersUipcInBash() throws Exception {
        final Run r = bash("source " + home.resolve("completion/uipc.bash") + " && complete -p uipc");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("-F _complete_uipc"), r.output());
    }

    @Test
    void everyManPageRendersWithItsSynopsis() throws Exception {
        final List<Path> pages;
        try (Stream<Path> files = Files.list(home.resolve("man/man1"))) {
            pages = files.sorted().toList();
        }
        assertTrue(pages.size() > COMMANDS.size() / 2, pages::toString);
        for (final Path page : pages) {
            final String name = page.getFileName().toString().replace(".1", "");
            // man is the system's (with groff), not part of the release: its own PATH.
            final Run r = run(List.of("man", "-l", home.relativize(page).toString()), home,
                Map.of("MANPAGER", "cat", "MANWIDTH", "80", "PATH", System.getenv("PATH")));
            assertEquals(0, r.exitCode(), name + ": " + r.output());
            assertTrue(r.output().contains("SYNOPSIS"), name + ": " + r.output());
            assertTrue(r.output().contains(name), name + ": " + r.output());
        }
        final Run top = run(List.of("man", "-l", "man/man1/uipc.1"), home, Map.of("MANPAGER", "cat", "PATH", System.getenv("PATH")));
        assertTrue(top.output().contains("uipc [-hV] [--verbose] [COMMAND]"), top.output());
    }

    @Test
    void theZipHoldsTheSameFiles() throws Exception {
        final Set<String> zipped = new TreeSet<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (final Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                final ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    zipped.add(entry.getName());
                }
            }
        }
        final Run listing = run(List.of("tar", "tzf", TARBALL.toString()), temp, Map.of("PATH", System.getenv("PATH")));
        assertEquals(0, listing.exitCode(), listing.output());
        final Set<String> tarred = listing.output().lines().filter(l -> !l.endsWith("/")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(tarred, zipped);
        final String top = home.getFileName() + "/";
        for (final String expected : List.of("bin/uipc", "conf/jvm.options", "completion/uipc.bash", "man/man1/uipc.1", "LICENSE",
            "NOTICE", "README.md")) {
            assertTrue(tarred.contains(top + expected), expected + " in " + tarred);
        }
        assertTrue(tarred.stream().anyMatch(f -> f.matches(top + "lib/uipc-cli-.*\\.jar")), tarred::toString);
    }

    /** A finished process: exit code and stdout with stderr. */
    private record Run(int exitCode, String output) {
    }

    /** Runs {@code uipc ARGS} by name, as a user's shell does: bash looks it up on the test's PATH. */
    private static Run uipc(final List<String> args) throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>(List.of("uipc \"$@\"", "uipc"));
        cmd.addAll(args);
        return bashArgs(cmd);
    }

    private static Run bash(final String script) throws IOException, InterruptedException {
        return bashArgs(List.of(script));
    }

    private static Run bashArgs(final List<String> scriptAndArgs) throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>(List.of(which("bash").toString(), "-c"));
        cmd.addAll(scriptAndArgs);
        // Another working directory than the installation's; no JAVA_HOME: java comes from PATH.
        final Path cwd = Files.createDirectories(temp.resolve("elsewhere"));
        return run(cmd, cwd, Map.of("PATH", path.toString(), "HOME", temp.toString()));
    }

    private static Run run(final List<String> cmd, final Path cwd, final Map<String, String> env)
        throws IOException, InterruptedException {
        final ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        final Process p = pb.start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), cmd::toString);
        return new Run(p.exitValue(), out);
    }

    /** {@return the absolute path of a tool on this JVM's PATH} */
    private static Path which(final String tool) {
        for (final String dir : System.getenv("PATH").split(File.pathSeparator)) {
            final Path candidate = Paths.get(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AssertionError(tool + " not found on PATH");
    }
}
