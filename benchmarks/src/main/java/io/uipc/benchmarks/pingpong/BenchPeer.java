package io.uipc.benchmarks.pingpong;

import io.uipc.benchmarks.HistogramCodec;
import io.uipc.testing.CommandLoop;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Main class of the ping and pong JVMs that {@link PingPongBench} spawns. Talks to the
 * coordinator by lines: prints {@code READY <endpoint>}, reads {@code PEER <endpoint>}, then
 * the pong echoes forever while the ping warms up, times the round trips and prints
 * {@code RESULT <elapsed ns> <base64 compressed HdrHistogram of RTTs in ns>}. Commands arrive
 * through a {@link CommandLoop} on a thread of its own, not a daemon: either peer lives until
 * its standard input ends (the coordinator closed it or died), then exits.
 */
public final class BenchPeer {
    /** Reply: this side is set up; the rest of the line is its endpoint. */
    static final String READY = "READY ";
    /** Command, followed by the peer's endpoint: connect and start. */
    static final String PEER = "PEER";
    /** Reply from the ping: the measurement. */
    static final String RESULT = "RESULT ";
    /** Longest round trip the histogram tells apart; longer ones are recorded as this. */
    static final long HIGHEST_RTT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SIGNIFICANT_DIGITS = 3;

    private BenchPeer() {
    }

    /**
     * @param mechanism what to measure
     * @param role      which side
     * @param workDir   the run's directory
     * @param backend   uipc backend name
     * @param options   round trips, warm-up, pinning
     * @return the arguments of {@link #main}, in order
     */
    static List<String> arguments(final Mechanism mechanism, final Role role, final Path workDir, final String backend,
                                  final BenchOptions options) {
        final int cpu = options.pinCpus() ? role.ordinal() : -1;
        return List.of(mechanism.label(), role.name(), workDir.toString(), backend, Integer.toString(options.roundTrips()),
            Integer.toString(options.warmupRoundTrips()), Long.toString(options.warmupTime().toNanos()), Integer.toString(cpu));
    }

    /**
     * Runs one side of a ping-pong run.
     *
     * @param args as {@link #arguments} makes them
     */
    public static void main(final String[] args) {
        final BlockingQueue<String> peerEndpoint = new LinkedBlockingQueue<>();
        // PEER has no reply of its own: the ping's RESULT answers it, and the pong never does
        new Thread(new CommandLoop().on(PEER, words -> {
            peerEndpoint.add(String.join(" ", words));
            return null;
        })::run, "stdin-control").start();
        try {
            final Mechanism mechanism = Mechanism.parse(args[0]);
            final Role role = Role.valueOf(args[1]);
            final Path workDir = Paths.get(args[2]);
            final int cpu = Integer.parseInt(args[7]);
            if (cpu >= 0) {
                Posix.pinCallingThread(cpu);
            }
            final Transport transport = mechanism.transport(role, workDir, args[3]);
            reply(READY + transport.prepare());
            transport.connect(peerEndpoint.take());
            if (role == Role.PONG) {
                for (;;) {
                    echo(transport);
                }
            }
            warmUp(transport, Integer.parseInt(args[5]), Long.parseLong(args[6]));
            reply(RESULT + measure(transport, Integer.parseInt(args[4])));
            // The transport stays open: the pong must not see the channel close while the
            // coordinator measures it idle. The process ends with its standard input.
        } catch (final Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** @return the elapsed ns and the encoded histogram of {@code roundTrips} timed round trips */
    private static String measure(final Transport transport, final int roundTrips) throws IOException {
        final Histogram rtt = new Histogram(HIGHEST_RTT_NANOS, SIGNIFICANT_DIGITS);
        final long start = System.nanoTime();
        long previous = start;
        for (int i = 0; i < roundTrips; i++) {
            final long now = roundTrip(transport);
            rtt.recordValue(Math.min(now - previous, HIGHEST_RTT_NANOS));
            previous = now;
        }
        return (previous - start) + " " + HistogramCodec.encode(rtt);
    }

    private static void reply(final String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** One echo, in its own method so it is compiled early even though the loop never ends. */
    private static void echo(final Transport transport) throws IOException {
        transport.receive();
        transport.send();
    }

    private static void warmUp(final Transport transport, final int roundTrips, final long nanos) throws IOException {
        final long start = System.nanoTime();
        long now = start;
        for (int i = 0; i < roundTrips || now - start < nanos; i++) {
            now = roundTrip(transport);
        }
    }

    /**
     * One round trip, in its own method so it is compiled during warm-up.
     *
     * @return {@link System#nanoTime()} at its end: one clock read per round trip, as the C
     *     baseline, each round trip timed from the end of the one before
     */
    private static long roundTrip(final Transport transport) throws IOException {
        transport.send();
        transport.receive();
        return System.nanoTime();
    }
}
