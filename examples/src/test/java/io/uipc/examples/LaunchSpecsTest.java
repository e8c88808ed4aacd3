package io.uipc.examples;

import io.uipc.launcher.GroupLauncher;
import io.uipc.launcher.LaunchOptions;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.SpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The specs in examples/ parse with the launcher's parser and name runnable mains; two run under GroupLauncher. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LaunchSpecsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path root;

    private static List<Path> specs() throws IOException {
        try (Stream<Path> files = Files.list(Paths.get("").toAbsolutePath())) {
            return files.filter(p -> p.toString().endsWith(".toml")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everySpecParsesAndNamesARunnableMainThatTakesItsArgs() throws Exception {
        final List<Path> specs = specs();
        assertEquals(4, specs.size(), "log-writer, cancel, ping-pong and monitor specs: " + specs);
        for (final Path file : specs) {
            final LaunchSpec spec = SpecParser.parse(file);
            for (final ProcessSpec p : spec.processes()) {
                final Class<?> main = Class.forName(p.mainClass());
                assertTrue(Modifier.isStatic(main.getMethod("main", String[].class).getModifiers()), p.mainClass());
                final Constructor<?> options = Class.forName(p.mainClass() + "$Options").getDeclaredConstructor();
                options.setAccessible(true);
                new CommandLine(options.newInstance()).registerConverter(Duration.class, ExampleCommand::duration)
                    .parseArgs(p.args().toArray(new String[0]));
            }
        }
    }

    @Test
    void theCancelSpecRunsUnderTheLauncher() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LaunchSpec spec = SpecParser.parse(Paths.get("cancel.toml"));
        try (GroupLauncher launcher = GroupLauncher.start(spec, options(out))) {
            assertEquals(0, launcher.supervise(), out.toString(StandardCharsets.UTF_8));
            final List<String> session = launcher.member("session").output().lines();
            assertEquals(2, session.stream().filter(l -> l.contains("CANCELLED")).count(), String.join("\n", session));
        }
    }

    @Test
    void theLogWriterSpecRunsUnderTheLauncher() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Path log = root.resolve("redo.log");
        final LaunchSpec parsed = SpecParser.parse(Paths.get("log-writer.toml"));
        final List<ProcessSpec> processes = parsed.processes().stream()
            .map(p -> p.name().equals("lgwr") ? p.args("--log", log.toString(), "--foregrounds", "4") : p.args("--commits", "200"))
            .collect(Collectors.toList());
        final LaunchSpec spec = new LaunchSpec(parsed.source(), parsed.groupName(), parsed.gracePeriod(), parsed.readyTimeout(),
            parsed.onFailure(), parsed.classPath(), parsed.entries(), parsed.receivers(), parsed.uitt(), processes);
        try (GroupLauncher launcher = GroupLauncher.start(spec, options(out))) {
            assertEquals(0, launcher.supervise(), out.toString(StandardCharsets.UTF_8));
            final String report = launcher.member("lgwr").output().await(l -> l.contains("REPORT"), WAIT);
            assertTrue(report.contains("commits=800 ") && report.contains("lost-acks=0"), report);
        }
        assertEquals(800, Files.readAllLines(log).size());
    }

    private LaunchOptions options(final ByteArrayOutputStream out) {
        return LaunchOptions.defaults().root(root).out(new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
