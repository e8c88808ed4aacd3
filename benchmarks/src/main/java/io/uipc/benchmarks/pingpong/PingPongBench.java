package io.uipc.benchmarks.pingpong;

import io.uipc.benchmarks.BenchJvms;
import io.uipc.benchmarks.HistogramCodec;
import io.uipc.core.Backends;
import io.uipc.core.internal.FileTrees;
import io.uipc.testing.JvmProcess;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cross-process ping-pong benchmark ({@code uipc bench} wraps {@link #run}). For each
 * mechanism it makes a temporary directory, starts a pong JVM and a ping JVM
 * ({@link BenchPeer}, through {@link BenchJvms}), exchanges their endpoints, lets the ping warm
 * up and time its round trips, then watches the idle pong's CPU, stops both JVMs and deletes
 * the directory, whatever happened.
 */
public final class PingPongBench {
    /** Name prefix of each mechanism's temporary directory. */
    static final String WORK_DIR_PREFIX = "uipc-pingpong-";

    private PingPongBench() {
    }

    /**
     * {@return one result per mechanism, in the order asked}
     *
     * @param options what to measure
     * @throws BenchException if a peer JVM fails or times out (no process or file is left)
     */
    public static List<BenchResult> run(final BenchOptions options) {
        final String backend = Backends.select(options.backend()).backend().name();
        final List<BenchResult> results = new ArrayList<>();
        for (final Mechanism m : options.mechanisms()) {
            results.add(runOne(m, backend, options));
        }
        return results;
    }

    private static BenchResult runOne(final Mechanism mechanism, final String backend, final BenchOptions options) {
        final Path workDir;
        try {
            workDir = Files.createTempDirectory(options.directory(), WORK_DIR_PREFIX);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot make a directory in " + options.directory(), e);
        }
        // Ctrl-C or SIGTERM skips finally blocks: the hook deletes the directory then; the
        // peers exit by themselves when this JVM's end closes their standard input.
        final Thread cleanUp = new Thread(() -> deleteRecursively(workDir), "uipc-bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            if (mechanism.isUipc()) {
                UipcTransport.createDomain(workDir, backend);
            }
            return measure(mechanism, backend, workDir, options);
        } catch (final BenchException e) {
            throw new BenchException(mechanism.label() + ": " + e.getMessage(), e);
        } catch (final UncheckedIOException | AssertionError e) {
            // a peer that could not start; or one that failed, exited or timed out, which JvmProcess (test support)
            // reports with its output as a failed assertion
            throw new BenchException(mechanism.label() + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(workDir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (final IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway, and finds nothing to delete
            }
        }
    }

    /** Runs the pair. Closing a peer ends its standard input: it exits ({@link BenchPeer}), or is killed if it lingers. */
    private static BenchResult measure(final Mechanism mechanism, final String backend, final Path workDir,
                                       final BenchOptions options) {
        final long deadline = System.nanoTime() + options.timeout().toNanos();
        try (JvmProcess pong = peer(Role.PONG, mechanism, workDir, backend, options);
             JvmProcess ping = peer(Role.PING, mechanism, workDir, backend, options)) {
            final String pongEndpoint = reply(pong, BenchPeer.READY, deadline, ping);
            final String pingEndpoint = reply(ping, BenchPeer.READY, deadline, pong);
            pong.send(BenchPeer.PEER + " " + pingEndpoint);
            ping.send(BenchPeer.PEER + " " + pongEndpoint);
            final String[] result = reply(ping, BenchPeer.RESULT, deadline, pong).split(" ", 2);
            final Histogram rtt = HistogramCodec.decode(result[1]);
            if (rtt.getTotalCount() != options.roundTrips()) {
                throw new BenchException(mechanism.label() + ": the ping recorded " + rtt.getTotalCount()
                    + " round trips, not " + options.roundTrips());
            }
            final double idleCpu = options.idleInterval().isZero() ? Double.NaN : ProcessCpu.idlePercent(pong, options.idleInterval());
            return BenchResult.of(mechanism, rtt, Long.parseLong(result[0]), idleCpu);
        }
    }

    private static JvmProcess peer(final Role role, final Mechanism mechanism, final Path workDir, final String backend,
                                   final BenchOptions options) {
        return BenchJvms.builder(role.name().toLowerCase(Locale.ROOT), BenchPeer.class)
            .args(BenchPeer.arguments(mechanism, role, workDir, backend, options))
            .start();
    }

    /** Waits for a peer's reply, failing early if its partner exits first; returns the rest of the line after {@code prefix}. */
    private static String reply(final JvmProcess peer, final String prefix, final long deadline, final JvmProcess partner) {
        return peer.expect(prefix, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), partner).substring(prefix.length());
    }

    private static void deleteRecursively(final Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
