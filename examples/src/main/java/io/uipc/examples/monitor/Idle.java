package io.uipc.examples.monitor;

import io.uipc.examples.ExampleCommand;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupVectors;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A member that does nothing: it joins, prints its pid (kill it with {@code kill -9 PID} and
 * watch the monitor report it reaped), and waits for the launcher's shutdown vector or
 * {@code --duration} (default: 10 minutes).
 */
public final class Idle {
    private Idle() {
    }

    /**
     * Runs the idle member.
     *
     * @param args see the class comment
     */
    public static void main(final String[] args) {
        final Duration duration = ExampleCommand.parse(new Options(), args).duration;
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            me.accept(GroupVectors.SHUTDOWN);
            System.out.println("IDLE " + me.name() + " pid " + ProcessHandle.current().pid() + ": kill -9 it and watch the monitor");
            me.receiver().await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The idle member's command line. */
    @Command(name = "idle", description = "A member that does nothing until shutdown.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--duration", paramLabel = "DURATION", description = "How long to wait at most (default: 10m).")
        Duration duration = Duration.ofMinutes(10);
    }
}
