package io.uipc.cli;

import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follows README.md's "Use it as a library" section as a user would: compiles its Java blocks
 * against the reactor's jars (this JVM's class path), creates the group with {@code uipc create},
 * asks {@code uipc jvm-flags} for the flags, runs the receiver and the sender as two JVMs with
 * exactly those flags, and checks the receiver got the interrupt. If the README's code or flags
 * stop working, this fails.
 */
@Timeout(180)
class ReadmeLibraryTest {
    private static final String SECTION = "Use it as a library";

    @Test
    void theJvmFlagsTheReadmeShowsAreWhatUipcJvmFlagsPrints() throws Exception {
        final Map<Integer, String> shown = ReadmeSection.read(SECTION).shownJvmFlags();
        assertEquals(List.of(17, 25), List.copyOf(shown.keySet()), "the README shows the flags of Java 17 and 25");
        for (final Map.Entry<Integer, String> e : shown.entrySet()) {
            assertEquals(e.getValue(), uipc(List.of(), "jvm-flags", "--jdk", e.getKey().toString()), "README's flags for Java " + e.getKey());
        }
    }

    @Test
    void theReceiverGetsTheSendersInterrupt(@TempDir final Path work) throws Exception {
        final ReadmeSection section = ReadmeSection.read(SECTION);
        final Map<String, String> sources = section.javaSources();
        assertEquals(List.of("Receiver", "Sender"), List.copyOf(sources.keySet()));
        final Path classes = compile(sources, work);
        final List<String> flags = List.of(uipc(List.of(), "jvm-flags").split(" "));
        assertFalse(flags.isEmpty());

        final String group = "readme-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
        final Path root = GroupSpec.defaultRoot();
        final boolean rootWasThere = Files.exists(root);
        assertTrue(uipc(flags, "create", group).startsWith("created group " + group), "uipc create");
        try {
            final String classPath = classes + File.pathSeparator + System.getProperty("java.class.path");
            try (ChildProcess receiver = ChildProcess.start("Receiver", java(flags, classPath, "Receiver", group))) {
                receiver.awaitLine("lgwr waiting for vector 5");
                try (ChildProcess sender = ChildProcess.start("Sender", java(flags, classPath, "Sender", group))) {
                    assertEquals(0, sender.awaitExit(), sender::output);
                    assertTrue(sender.output().contains("sent vector 5 to lgwr: posted"), sender::output);
                }
                assertEquals(0, receiver.awaitExit(), receiver::output);
                assertTrue(receiver.output().contains("lgwr got vector 5"), receiver::output);
            }
        } finally {
            ProcessGroup.destroy(root.resolve(group), true);
            if (!rootWasThere) {
                deleteIfEmpty(root); // the README's `uipc create` made the default root: leave /dev/shm as it was
            }
        }
    }

    private static void deleteIfEmpty(final Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (final IOException e) {
            // not empty: another group moved in meanwhile, and it is not this test's to remove
        }
    }

    private static Path compile(final Map<String, String> sources, final Path work) throws IOException {
        final Path src = Files.createDirectories(work.resolve("src"));
        final Path out = Files.createDirectories(work.resolve("classes"));
        final List<Path> files = new ArrayList<>();
        for (final Map.Entry<String, String> e : sources.entrySet()) {
            files.add(Files.writeString(src.resolve(e.getKey() + ".java"), e.getValue()));
        }
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            final List<String> options = List.of("-cp", System.getProperty("java.class.path"), "-d", out.toString());
            final boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            final String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(Object::toString).collect(Collectors.joining("\n"));
            assertTrue(ok, "the README's Java does not compile:\n" + errors);
        }
        return out;
    }

    private static List<String> java(final List<String> flags, final String classPath, final String main, final String arg) {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", classPath, main, arg));
        return cmd;
    }

    /**
     * Runs {@code uipc ARGS} in a JVM of its own, as bin/uipc does (with uipc's JVM flags, which
     * {@code jvm-flags} itself does not need), and gives its output.
     *
     * @param flags the JVM's flags
     * @param args  the command line
     * @return its standard output, stripped
     */
    private static String uipc(final List<String> flags, final String... args) throws IOException, InterruptedException {
        final List<String> cmd = java(flags, System.getProperty("java.class.path"), UipcCommand.class.getName(), args[0]);
        cmd.addAll(List.of(args).subList(1, args.length));
        try (ChildProcess cli = ChildProcess.start("uipc", cmd)) {
            assertEquals(0, cli.awaitExit(), () -> "uipc " + String.join(" ", args) + ": " + cli.output());
            return cli.output().strip();
        }
    }
}
