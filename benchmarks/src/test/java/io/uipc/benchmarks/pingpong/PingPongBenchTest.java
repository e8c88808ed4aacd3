package io.uipc.benchmarks.pingpong;

import com.fasterxml.jackson.jr.ob.JSON;
import io.uipc.benchmarks.JsonLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real harness (real ping and pong JVMs) with a tiny count for every mechanism and
 * checks the results are sane and nothing is left behind. No timing is asserted. The cli
 * module's BenchCommandTest kills a coordinator ({@code uipc bench}) mid-run.
 */
class PingPongBenchTest {
    private static final int ROUND_TRIPS = 300;

    @TempDir
    Path dir;

    @Test
    void everyMechanismGivesSaneResultsAndLeavesNothingBehind() throws IOException {
        final BenchOptions options = BenchOptions.defaults()
            .withRoundTrips(ROUND_TRIPS)
            .withWarmup(50, Duration.ZERO)
            .withIdleInterval(Duration.ofMillis(100))
            .withDirectory(dir);

        final List<BenchResult> results = PingPongBench.run(options);

        assertEquals(List.of(Mechanism.values()), results.stream().map(BenchResult::mechanism).collect(Collectors.toList()));
        for (final BenchResult r : results) {
            final String what = r.toString();
            assertEquals(ROUND_TRIPS, r.roundTrips(), what);
            assertTrue(r.p50Ns() > 0, what);
            assertTrue(r.p50Ns() <= r.p90Ns() && r.p90Ns() <= r.p99Ns() && r.p99Ns() <= r.p999Ns() && r.p999Ns() <= r.maxNs(), what);
            assertTrue(r.roundTripsPerSecond() > 0, what);
            assertTrue(r.idleCpuPercent() >= 0 && r.idleCpuPercent() <= 100.0 * Runtime.getRuntime().availableProcessors() + 1, what);

            final Map<String, Object> json = JSON.std.mapFrom(r.toJson());
            assertEquals(JsonLine.SCHEMA_VERSION, json.get("version"), r.toJson());
            Instant.parse((String) json.get("timestamp"));
            assertEquals(r.mechanism().label(), json.get("mechanism"));
            assertEquals(r.p50Ns(), ((Number) json.get("p50_ns")).doubleValue(), 0.05);
            assertEquals(r.maxNs(), ((Number) json.get("max_ns")).doubleValue(), 0.05);
            assertEquals(Math.round(r.roundTripsPerSecond()), ((Number) json.get("roundtrips_per_s")).longValue());
        }
        final String table = ResultTable.format(results, options.idleInterval().toMillis());
        for (final Mechanism m : Mechanism.values()) {
            assertTrue(table.contains(m.label()), table);
        }
        assertTrue(table.contains("idle blocked receiver"), table);

        assertNothingLeft();
    }

    /** A figure not measured (NaN) or infinite is null in the JSON, and the line still parses. */
    @Test
    void unmeasuredFiguresAreNullInTheJson() throws IOException {
        final BenchResult r = new BenchResult(Mechanism.values()[0], 1, 1, 2, 3, 4, 5, Double.POSITIVE_INFINITY, Double.NaN);
        final Map<String, Object> json = JSON.std.mapFrom(r.toJson());
        assertTrue(json.containsKey("idle_cpu_pct") && json.get("idle_cpu_pct") == null, r.toJson());
        assertTrue(json.containsKey("roundtrips_per_s") && json.get("roundtrips_per_s") == null, r.toJson());
        assertEquals(1.0, ((Number) json.get("p50_ns")).doubleValue());
    }

    @Test
    void aFailedRunStillStopsItsJvmsAndDeletesItsFiles() throws IOException {
        final BenchOptions options = BenchOptions.defaults()
            .withMechanisms(List.of(Mechanism.UIPC_BLOCK))
            .withTimeout(Duration.ofMillis(1))
            .withDirectory(dir);

        final BenchException e = assertThrows(BenchException.class, () -> PingPongBench.run(options));

        assertTrue(e.getMessage().startsWith("uipc-block: child JVM pong") && e.getMessage().contains("no line starting with 'READY '"),
            e.getMessage());
        assertNothingLeft();
    }

    private void assertDirectoryEmpty() throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.collect(Collectors.toList()), "run directories must be deleted");
        }
    }

    private void assertNothingLeft() throws IOException {
        assertDirectoryEmpty();
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
            "no peer JVM may outlive the run");
    }

    @Test
    void badOptionsAreRejectedBeforeAnythingStarts() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.defaults().withRoundTrips(0));
        assertThrows(IllegalArgumentException.class,
            () -> BenchOptions.defaults().withMechanisms(List.of(Mechanism.FIFO, Mechanism.FIFO)));
        assertThrows(IllegalArgumentException.class, () -> Mechanism.parse("carrier-pigeon"));
    }
}
