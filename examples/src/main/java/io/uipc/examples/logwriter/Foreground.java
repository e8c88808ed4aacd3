package io.uipc.examples.logwriter;

import io.uipc.core.Receiver;
import io.uipc.core.WaitPolicy;
import io.uipc.examples.ExampleCommand;
import io.uipc.examples.Discovery;
import io.uipc.examples.Histograms;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.MailResult;
import io.uipc.table.mailbox.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A foreground (a database session) committing: for each commit it posts a redo record into
 * the log writer's inbox and waits, blocked on its receiver, for the acknowledgement vector
 * that says the record is durable ("log file sync"), one commit at a time.
 *
 * <p>{@code --lgwr NAME} (default lgwr), {@code --commits N} (default 1000), {@code --wait
 * POLICY} (default spin-yield-block). Prints "ACKED name count" and its own commit latency.
 */
public final class Foreground {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Foreground() {
    }

    /**
     * Runs one foreground process.
     *
     * @param args see the class comment
     */
    public static void main(final String[] args) {
        final Options o = ExampleCommand.parse(new Options(), args);
        final int commits = o.commits;
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            final Receiver receiver = me.receiver();
            receiver.waitPolicy(WaitPolicy.parse(o.waitPolicy));
            me.accept(LogWriter.ACK_VECTOR);
            final Outbox logBuffer = Discovery.outbox(me, o.lgwr, PATIENCE);
            final RedoRecord record = new RedoRecord();
            final Histogram latency = Histograms.nanos();
            for (long seq = 0; seq < commits; seq++) {
                final long start = System.nanoTime();
                post(logBuffer, record.set(RedoRecord.COMMIT, me.name(), seq, start));
                awaitAck(receiver, seq);
                latency.recordValue(System.nanoTime() - start);
            }
            System.out.println("ACKED " + me.name() + " " + commits + " commit latency " + Histograms.micros(latency));
            post(logBuffer, record.set(RedoRecord.DONE, me.name(), commits, System.nanoTime()));
        }
    }

    private static void post(final Outbox logBuffer, final RedoRecord record) {
        final int result = logBuffer.offer(record, PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (!MailResult.isSent(result)) {
            throw new IllegalStateException("redo record " + record.sequence() + " not posted: " + MailResult.describe(result));
        }
    }

    private static void awaitAck(final Receiver receiver, final long seq) {
        for (;;) {
            final long vectors = receiver.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if ((vectors & (1L << LogWriter.ACK_VECTOR)) != 0) {
                return;
            }
            if (vectors == 0) {
                throw new IllegalStateException("commit " + seq + " not acknowledged within " + PATIENCE);
            }
        }
    }

    /** The foreground's command line. */
    @Command(name = "foreground", description = "Commits through the log writer, one at a time.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--lgwr", paramLabel = "NAME", description = "The log writer member (default: ${DEFAULT-VALUE}).")
        String lgwr = "lgwr";
        @Option(names = "--commits", paramLabel = "N", description = "Commits to make (default: ${DEFAULT-VALUE}).")
        int commits = 1000;
        @Option(names = "--wait", paramLabel = "POLICY", description = "Wait policy (default: ${DEFAULT-VALUE}).")
        String waitPolicy = "spin-yield-block";
    }
}
