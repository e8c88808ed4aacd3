package io.uipc.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.uipc.benchmarks.JsonLine;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uipc bench}, {@code uipc bench --mailbox} and {@code uipc bench --mailbox --peer aeron}: the
 * real CLI in its own JVM running the benchmarks module's harnesses with small counts (every JSON field checked, no timing asserted),
 * bad options, and a coordinator killed mid-run leaving no peer JVM or file behind.
 */
@Timeout(300)
class BenchCommandTest {
    private static final long EXIT_SECONDS = 240;

    @TempDir
    Path dir;

    /** A finished CLI run: its exit code and its output, stderr merged into stdout. */
    private record Run(int exitCode, String output) {
        List<String> jsonLines() {
            return output.lines().filter(l -> l.startsWith("{")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", output:\n" + output;
        }
    }

    private Run uipc(final String... args) {
        try (JvmProcess p = JvmProcess.builder("uipc", UipcCommand.class).args(args).start()) {
            final int code = p.waitFor(Duration.ofSeconds(EXIT_SECONDS));
            return new Run(code, p.output());
        }
    }

    @Test
    void benchWithASmallCountPrintsOneJsonObjectPerMechanism() throws Exception {
        Run r = uipc("bench", "--json", "--round-trips", "500", "--warmup", "50", "--warmup-ms", "0",
            "--idle-ms", "0", "--mechanisms", "uipc-block,fifo");
        assertEquals(0, r.exitCode(), r::toString);
        final List<String> lines = r.jsonLines();
        assertEquals(2, lines.size(), r::toString);
        final List<String> mechanisms = new ArrayList<>();
        for (final String line : lines) {
            final Map<String, Object> m = json(line);
            mechanisms.add((String) m.get("mechanism"));
            double previous = 0;
            for (final String field : List.of("p50_ns", "p90_ns", "p99_ns", "p999_ns", "max_ns")) {
                final double value = number(m, field);
                assertTrue(value > 0 && value >= previous, "percentiles ordered and positive: " + line);
                previous = value;
            }
            assertTrue(number(m, "roundtrips_per_s") > 0, line);
            assertTrue(m.containsKey("idle_cpu_pct") && m.get("idle_cpu_pct") == null, "idle CPU not measured (--idle-ms 0): " + line);
        }
        assertEquals(List.of("uipc-block", "fifo"), mechanisms);

        r = uipc("bench", "--mechanisms", "carrier-pigeon");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.output().contains("carrier-pigeon"), r::toString);
    }

    @Test
    void mailboxBenchTimesMailAlongsideInterruptsCountsEveryThroughputMessageAndComparesWithAeron() throws Exception {
        Run r = uipc("bench", "--mailbox", "--json", "--round-trips", "1000", "--warmup", "1000", "--messages", "20000",
            "--paced-messages", "100");
        assertEquals(0, r.exitCode(), r::toString);
        final List<String> lines = r.jsonLines();
        assertEquals(8, lines.size(), r::toString);
        final List<String> kinds = new ArrayList<>();
        long interruptP50 = 0;
        for (final String line : lines.subList(0, 4)) {
            final Map<String, Object> m = json(line);
            assertEquals(List.of("ping-pong", "spin", 1000L), List.of(m.get("run"), m.get("policy"), (long) number(m, "n")), line);
            kinds.add(m.get("kind") + "/" + m.get("alongside"));
            double previous = 1;
            for (final String field : List.of("p50_ns", "p90_ns", "p99_ns", "p999_ns", "max_ns")) {
                final double value = number(m, field);
                assertTrue(value >= previous, "percentiles ordered and positive: " + line);
                previous = value;
            }
            if (m.get("kind").equals("interrupt")) {
                interruptP50 = (long) number(m, "p50_ns");
                assertEquals(1.0, number(m, "p50_ratio_to_interrupt"), 0.01, line);
            } else {
                assertEquals(number(m, "p50_ns") / interruptP50, number(m, "p50_ratio_to_interrupt"), 0.01, line);
            }
        }
        assertEquals(List.of("interrupt/mail-raw", "mail-raw/interrupt", "interrupt/mail-chronicle", "mail-chronicle/interrupt"), kinds);
        final List<String> runs = new ArrayList<>();
        for (final String line : lines.subList(4, 8)) {
            final Map<String, Object> m = json(line);
            assertEquals(List.of("raw", "spin", 0L), List.of(m.get("codec"), m.get("policy"), (long) number(m, "errors")),
                "every message arrived, in order per sender, intact: " + line);
            assertTrue(number(m, "seconds") > 0 && number(m, "msgs_per_s") > 0 && number(m, "one_way_p50_ns") > 0, line);
            assertTrue(number(m, "wakeups") >= 0, line);
            runs.add(m.get("run") + " " + (long) number(m, "senders") + " " + (long) number(m, "pace_us") + " " + (long) number(m, "messages"));
            if (m.get("run").equals("paced")) {
                assertEquals(number(m, "messages"), number(m, "one_way_n"), "a paced run times every message: " + line);
            }
        }
        assertEquals(List.of("throughput 1 0 20000", "throughput 4 0 20000", "paced 1 100 100", "paced 4 100 400"), runs);

        // spin-yield-block against Aeron's backoff: on a loaded 2-CPU machine spinning pairs slow each other's JVM start-up down
        r = uipc("bench", "--mailbox", "--peer", "aeron", "--policies", "spin-yield-block", "--rounds", "1", "--json", "--round-trips",
            "1000", "--warmup", "1000", "--messages", "20000", "--idle-ms", "20");
        assertEquals(0, r.exitCode(), r::toString);
        final List<String> versus = r.jsonLines();
        assertEquals(4, versus.size(), r::toString);
        final Map<String, Object> header = json(versus.get(0));
        assertEquals("versus-aeron-header", header.get("run"));
        assertEquals("1.49.3", header.get("aeron"));
        assertTrue(((String) header.get("agrona")).matches("\\d+\\.\\d+\\.\\d+"), versus.get(0));
        assertEquals(false, header.get("aeron_cross_process_wakeup"));
        final List<String> systems = new ArrayList<>();
        for (final String line : versus.subList(1, 3)) {
            final Map<String, Object> m = json(line);
            assertEquals(List.of("versus-aeron", 1L, "spin-yield-block", 1000L, 0L), List.of(m.get("run"), (long) number(m, "round"), m.get("policy"),
                (long) number(m, "n"), (long) number(m, "errors")), "every message arrived, in order, intact: " + line);
            systems.add((String) m.get("system"));
            assertTrue(number(m, "p50_ns") > 0 && number(m, "p50_ns") <= number(m, "p99_ns") && number(m, "p99_ns") <= number(m, "p999_ns"),
                line);
            assertTrue(number(m, "msgs_per_s") > 0 && number(m, "idle_cpu_pct") >= 0, line);
        }
        assertEquals(List.of("uipc", "aeron"), systems, "round 1 starts with uipc");
        final Map<String, Object> median = json(versus.get(3));
        assertEquals(List.of("versus-aeron-median", "spin-yield-block", "BackoffIdleStrategy", 1L), List.of(median.get("run"), median.get("policy"),
            median.get("aeron_idle"), (long) number(median, "rounds")), versus.get(3));
        for (final Map.Entry<String, Object> e : median.entrySet()) {
            if (e.getKey().endsWith("_ns") || e.getKey().endsWith("_ratio") || e.getKey().endsWith("_per_s") || e.getKey().endsWith("_pct")) {
                assertTrue(e.getValue() instanceof Number, "medians and ratios are numbers: " + versus.get(3));
            }
        }

        r = uipc("bench", "--mailbox", "--peer", "aeron", "--paced-messages", "5");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.output().contains("--paced-messages does not apply to --peer aeron"), r::toString);
        r = uipc("bench", "--mailbox", "--pin");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.output().contains("--pin does not apply to --mailbox"), r::toString);
        r = uipc("bench", "--mailbox", "--messages", "3");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.output().contains("messages must be at least one per sender (4), not 3"), r::toString);
    }

    /** Parses a JSON line with jackson-jr and checks the fields every line has. */
    static Map<String, Object> json(final String line) {
        try {
            final Map<String, Object> m = JSON.std.mapFrom(line);
            assertEquals(JsonLine.SCHEMA_VERSION, m.get("version"), line);
            Instant.parse((String) m.get("timestamp"));
            return m;
        } catch (final IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static double number(final Map<String, Object> m, final String field) {
        assertTrue(m.get(field) instanceof Number, () -> field + " is not a number: " + m);
        return ((Number) m.get(field)).doubleValue();
    }

    @Test
    void sigtermToTheCoordinatorStopsItsPeersAndDeletesItsFiles() throws Exception {
        final List<ProcessHandle> peers = startCoordinatorAndKill(false);

        assertPeersExit(peers);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.collect(Collectors.toList()), "run directories must be deleted");
        }
    }

    @Test
    void sigkillToTheCoordinatorStillStopsItsPeers() throws Exception {
        assertPeersExit(startCoordinatorAndKill(true));
    }

    /** Starts a long benchmark in its own JVM, waits until both peers run, then kills it. */
    private List<ProcessHandle> startCoordinatorAndKill(final boolean forcibly) throws Exception {
        try (JvmProcess coordinator = JvmProcess.builder("uipc-bench", UipcCommand.class).args("bench",
            "--mechanisms=uipc-block", "--round-trips=2000000000", "--dir=" + dir).start()) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<ProcessHandle> peers = List.of();
            while (peers.size() < 2 && coordinator.isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20); // poll period: listing descendants reads /proc
                peers = ProcessHandle.of(coordinator.pid()).map(h -> h.descendants().collect(Collectors.toList())).orElse(List.of());
            }
            assertEquals(2, peers.size(), "the coordinator should have started a ping and a pong JVM");
            if (forcibly) {
                coordinator.kill();
            } else {
                coordinator.signal(Signal.TERM);
                coordinator.waitFor(Duration.ofSeconds(30));
            }
            return peers;
        }
    }

    private static void assertPeersExit(final List<ProcessHandle> peers) throws Exception {
        for (final ProcessHandle peer : peers) {
            try {
                peer.onExit().get(30, TimeUnit.SECONDS);
            } finally {
                peer.destroyForcibly();
            }
        }
    }
}
