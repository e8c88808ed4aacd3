package io.uipc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/uipc} itself, after {@code package} of this module (whose build writes the files it
 * reads): it finds java, the JVM flag argument files and the class path, runs the CLI without
 * building again, and that class path holds the examples and the benchmarks, so
 * {@code bin/uipc demo} runs green and {@code bin/uipc bench} measures (its ping and pong JVMs
 * start from the CLI's class path).
 */
@Timeout(300)
class BinUipcIT {
    private static final Path ROOT = Paths.get(System.getProperty("uipc.repo.root", "..")).toAbsolutePath().normalize();

    private static String[] run(final String... args) throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("bin/uipc").toString());
        cmd.addAll(List.of(args));
        final ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        final Path err = Files.createTempFile("uipc-it", ".err");
        pb.redirectError(err.toFile());
        final Process p = pb.start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(150, TimeUnit.SECONDS));
        final String stderr = Files.readString(err);
        Files.delete(err);
        return new String[] {Integer.toString(p.exitValue()), out, stderr};
    }

    @Test
    void runsTheCliWithTheBuildsFlagsAndClassPath() throws Exception {
        final Path dir = Paths.get("/dev/shm", "uipc-it-" + ProcessHandle.current().pid());
        try {
            String[] r = run("backends", "--json");
            assertEquals("0", r[0], r[2]);
            assertFalse(r[2].contains("building"), "bin/uipc rebuilt after package: " + r[2]);
            assertTrue(BenchCommandTest.json(r[1]).get("backends") instanceof List<?> list && list.stream()
                .anyMatch(b -> b instanceof Map<?, ?> m && "emulated".equals(m.get("name")) && Boolean.TRUE.equals(m.get("available"))), r[1]);

            r = run("create", "it", "--dir", dir.toString(), "--entries", "32");
            assertEquals("0", r[0], r[2]);
            r = run("ps", "it", "--dir", dir.toString(), "--json");
            assertEquals("0", r[0], r[2]);
            assertEquals(32, BenchCommandTest.json(r[1]).get("capacity"), r[1]);
            r = run("destroy", "it", "--dir", dir.toString());
            assertEquals("0", r[0], r[2]);
            r = run("send", "it", "x", "1", "--dir", dir.toString());
            assertEquals("1", r[0], r[2]);
            assertTrue(r[2].startsWith("uipc send: no group at"), r[2]);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void runsBothBenchesWhoseMemberJvmsGetTheSameClassPath() throws Exception {
        final String[] r = run("bench", "--json", "--round-trips", "200", "--warmup", "20", "--warmup-ms", "0", "--idle-ms", "0",
            "--mechanisms", "uipc-block");
        assertEquals("0", r[0], r[1] + r[2]);
        assertEquals("uipc-block", BenchCommandTest.json(r[1]).get("mechanism"), r[1]);
        assertFalse(r[2].contains("building"), "bin/uipc rebuilt after package: " + r[2]);

        final String[] mailbox = run("bench", "--mailbox", "--json", "--round-trips", "1000", "--warmup", "0", "--messages", "4000",
            "--paced-messages", "0");
        assertEquals("0", mailbox[0], mailbox[1] + mailbox[2]);
        assertEquals(6, mailbox[1].lines().filter(l -> l.startsWith("{")).map(BenchCommandTest::json).filter(m -> m.containsKey("run"))
            .count(), mailbox[1]);
    }

    @Test
    void runsTheDemo() throws Exception {
        final Path dir = Files.createDirectories(Paths.get("/dev/shm", "uipc-it-demo-" + ProcessHandle.current().pid()));
        try {
            final String[] r = run("demo", "--dir", dir.toString());
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("uipc demo: OK"), r[1]);
            assertFalse(r[2].contains("building"), "bin/uipc rebuilt after package: " + r[2]);
        } finally {
            Files.delete(dir);
        }
    }
}
