package io.uipc.examples.pingpong;

import io.uipc.core.Receiver;
import io.uipc.core.WaitPolicy;
import io.uipc.examples.ExampleCommand;
import io.uipc.examples.Discovery;
import io.uipc.examples.Histograms;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The minimal latency demo: ping sends a user interrupt to pong, pong sends one back, with
 * both sides waiting by each of the three wait policies in turn (spin, spin-yield-block,
 * block). Prints one-way latency (round trip / 2) percentiles per policy.
 *
 * <p>{@code --pong NAME} (default pong), {@code --rounds N} measured per policy (default
 * 20000), {@code --warmup N} (default 5000), {@code --policies LIST} (default
 * spin,spin-yield-block,block).
 */
public final class Ping {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Ping() {
    }

    /**
     * Runs the ping side.
     *
     * @param args see the class comment
     */
    public static void main(final String[] args) {
        final Options o = ExampleCommand.parse(new Options(), args);
        final int rounds = o.rounds;
        final int warmup = o.warmup;
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            me.accept(PingPongVectors.REPLY);
            final String pongName = o.pong;
            final Receiver receiver = me.receiver();
            for (final String name : o.policies.split(",")) {
                final WaitPolicy policy = WaitPolicy.parse(name);
                final Target pong = Discovery.target(group, pongName, PingPongVectors.ping(policy), PATIENCE);
                receiver.waitPolicy(policy);
                final Histogram oneWay = Histograms.nanos();
                for (int i = 0; i < warmup + rounds; i++) {
                    final long start = System.nanoTime();
                    me.send(pong);
                    awaitReply(receiver);
                    if (i >= warmup) {
                        oneWay.recordValue(Math.max(1, (System.nanoTime() - start) / 2));
                    }
                }
                System.out.printf("POLICY %-16s one-way %s%n", policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    Histograms.micros(oneWay));
            }
            me.send(Discovery.target(group, pongName, PingPongVectors.STOP, PATIENCE));
            System.out.println("DONE");
        }
    }

    private static void awaitReply(final Receiver receiver) {
        for (;;) {
            final long vectors = receiver.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if ((vectors & (1L << PingPongVectors.REPLY)) != 0) {
                return;
            }
            if (vectors == 0) {
                throw new IllegalStateException("no reply from pong within " + PATIENCE);
            }
        }
    }

    /** Ping's command line. */
    @Command(name = "ping", description = "Measures one-way interrupt latency under each wait policy.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--pong", paramLabel = "NAME", description = "The pong member (default: ${DEFAULT-VALUE}).")
        String pong = "pong";
        @Option(names = "--rounds", paramLabel = "N", description = "Measured round trips per policy (default: ${DEFAULT-VALUE}).")
        int rounds = 20_000;
        @Option(names = "--warmup", paramLabel = "N", description = "Warm-up round trips per policy (default: ${DEFAULT-VALUE}).")
        int warmup = 5_000;
        @Option(names = "--policies", paramLabel = "LIST", description = "Wait policies, comma-separated (default: ${DEFAULT-VALUE}).")
        String policies = "spin,spin-yield-block,block";
    }
}
