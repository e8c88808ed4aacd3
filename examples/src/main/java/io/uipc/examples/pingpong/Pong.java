package io.uipc.examples.pingpong;

import io.uipc.core.Receiver;
import io.uipc.core.WaitPolicy;
import io.uipc.examples.ExampleCommand;
import io.uipc.examples.Discovery;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Answers every ping with a reply interrupt, waiting with the policy the ping's vector names.
 * {@code --ping NAME} (default ping).
 */
public final class Pong {
    private Pong() {
    }

    /**
     * Runs the pong side.
     *
     * @param args see the class comment
     */
    public static void main(final String[] args) {
        final Options o = ExampleCommand.parse(new Options(), args);
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            for (final WaitPolicy p : WaitPolicy.values()) {
                me.accept(PingPongVectors.ping(p));
            }
            me.accept(PingPongVectors.STOP);
            final Target ping = Discovery.target(group, o.ping, PingPongVectors.REPLY, Duration.ofSeconds(60));
            final Receiver receiver = me.receiver();
            long replies = 0;
            for (;;) {
                final long vectors = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                if ((vectors & (1L << PingPongVectors.STOP)) != 0) {
                    break;
                }
                final WaitPolicy policy = PingPongVectors.policyOf(vectors);
                if (policy != null) {
                    receiver.waitPolicy(policy);
                    me.send(ping);
                    replies++;
                }
            }
            System.out.println("PONG replied " + replies + " times");
        }
    }

    /** Pong's command line. */
    @Command(name = "pong", description = "Answers every ping with a reply interrupt.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--ping", paramLabel = "NAME", description = "The ping member (default: ${DEFAULT-VALUE}).")
        String ping = "ping";
    }
}
