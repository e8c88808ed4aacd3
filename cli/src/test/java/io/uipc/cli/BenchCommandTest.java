package io.uipc.cli;

import io.uipc.testing.JvmProcess;
import io.uipc.testing.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        final Pattern fields = Pattern.compile("\\{\"mechanism\":\"([a-z-]+)\",\"p50_ns\":([0-9.]+),\"p90_ns\":([0-9.]+),"
            + "\"p99_ns\":([0-9.]+),\"p999_ns\":([0-9.]+),\"max_ns\":([0-9.]+),\"roundtrips_per_s\":([0-9]+)}");
        final List<String> mechanisms = new ArrayList<>();
        for (final String line : lines) {
            final Matcher m = fields.matcher(line);
            assertTrue(m.matches(), line);
            mechanisms.add(m.group(1));
            double previous = 0;
            for (int g = 2; g <= 6; g++) {
                final double value = Double.parseDouble(m.group(g));
                assertTrue(value > 0 && value >= previous, "percentiles ordered and positive: " + line);
                previous = value;
            }
            assertTrue(Long.parseLong(m.group(7)) > 0, line);
        }
        assertEquals(List.of("uipc-block", "fifo"), mechanisms);

        r = uipc("bench", "--mechanisms", "carrier-pigeon");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.output().contains("carrier-pigeon"), r::toString);
    }

    @Test
    void mailboxBenchTimesMailAlongsideInterruptsCountsEveryThroughputMessageAndComparesWithAeron() throws Exception {
        Run r = uipc("bench", "--mailbox", "--json", "--round-trips", "2000", "--warmup", "1000", "--messages", "40000",
            "--paced-messages", "300");
        assertEquals(0, r.exitCode(), r::toString);
        final List<String> lines = r.jsonLines();
        assertEquals(8, lines.size(), r::toString);
        final Pattern pingPong = Pattern.compile("\\{\"run\":\"ping-pong\",\"kind\":\"([a-z-]+)\",\"alongside\":\"([a-z-]+)\",\"policy\":\"spin\","
            + "\"n\":2000,\"p50_ns\":(\\d+),\"p90_ns\":(\\d+),\"p99_ns\":(\\d+),\"p999_ns\":(\\d+),\"max_ns\":(\\d+),"
            + "\"p50_ratio_to_interrupt\":([0-9.]+)}");
        final List<String> kinds = new ArrayList<>();
        for (final String line : lines.subList(0, 4)) {
            final Matcher m = pingPong.matcher(line);
            assertTrue(m.matches(), line);
            kinds.add(m.group(1) + "/" + m.group(2));
            long previous = 1;
            for (int g = 3; g <= 7; g++) {
                final long value = Long.parseLong(m.group(g));
                assertTrue(value >= previous, "percentiles ordered and positive: " + line);
                previous = value;
            }
            final double ratio = Double.parseDouble(m.group(8));
            assertEquals(m.group(1).equals("interrupt") ? 1.0 : (double) Long.parseLong(m.group(3)) / ratioBase(lines, line), ratio, 0.01, line);
        }
        assertEquals(List.of("interrupt/mail-raw", "mail-raw/interrupt", "interrupt/mail-chronicle", "mail-chronicle/interrupt"), kinds);
        final Pattern feed = Pattern.compile("\\{\"run\":\"(throughput|paced)\",\"senders\":(\\d),\"pace_us\":(\\d+),\"codec\":\"raw\","
            + "\"policy\":\"spin\",\"messages\":(\\d+),\"seconds\":[0-9.]+,\"msgs_per_s\":[1-9]\\d*,\"errors\":0,\"wakeups\":\\d+,"
            + "\"one_way_n\":(\\d+),\"one_way_p50_ns\":[1-9]\\d*,.*}");
        final List<String> runs = new ArrayList<>();
        for (final String line : lines.subList(4, 8)) {
            final Matcher m = feed.matcher(line);
            assertTrue(m.matches(), "every message arrived, in order per sender, intact: " + line);
            runs.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
            if (m.group(1).equals("paced")) {
                assertEquals(m.group(4), m.group(5), "a paced run times every message: " + line);
            }
        }
        assertEquals(List.of("throughput 1 0 40000", "throughput 4 0 40000", "paced 1 100 300", "paced 4 100 1200"), runs);

        r = uipc("bench", "--mailbox", "--peer", "aeron", "--policies", "spin", "--rounds", "1", "--json", "--round-trips", "1000",
            "--warmup", "1000", "--messages", "20000", "--idle-ms", "20");
        assertEquals(0, r.exitCode(), r::toString);
        final List<String> versus = r.jsonLines();
        assertEquals(4, versus.size(), r::toString);
        assertTrue(versus.get(0).matches("\\{\"run\":\"versus-aeron-header\",\"aeron\":\"1\\.49\\.3\",\"agrona\":\"\\d+\\.\\d+\\.\\d+\",.*"
            + "\"aeron_cross_process_wakeup\":false}"), versus.get(0));
        final Pattern run = Pattern.compile("\\{\"run\":\"versus-aeron\",\"round\":1,\"system\":\"(uipc|aeron)\",\"policy\":\"spin\",\"n\":1000,"
            + "\"p50_ns\":([1-9]\\d*),\"p99_ns\":(\\d+),\"p999_ns\":(\\d+),\"msgs_per_s\":[1-9]\\d*,\"errors\":0,\"idle_cpu_pct\":[0-9.]+}");
        final List<String> systems = new ArrayList<>();
        for (final String line : versus.subList(1, 3)) {
            final Matcher m = run.matcher(line);
            assertTrue(m.matches(), "every message arrived, in order, intact: " + line);
            systems.add(m.group(1));
            assertTrue(Long.parseLong(m.group(2)) <= Long.parseLong(m.group(3)) && Long.parseLong(m.group(3)) <= Long.parseLong(m.group(4)), line);
        }
        assertEquals(List.of("uipc", "aeron"), systems, "round 1 starts with uipc");
        assertTrue(versus.get(3).matches("\\{\"run\":\"versus-aeron-median\",\"policy\":\"spin\",\"aeron_idle\":\"BusySpinIdleStrategy\","
            + "\"rounds\":1,(\"[a-z0-9_]+\":[0-9.]+,?)+}"), "medians and ratios are numbers: " + versus.get(3));

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

    /** @return the p50 of the interrupt line just before {@code line} */
    private static long ratioBase(final List<String> lines, final String line) {
        final String interrupt = lines.get(lines.indexOf(line) - 1);
        return Long.parseLong(interrupt.replaceAll(".*\"p50_ns\":(\\d+),.*", "$1"));
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
