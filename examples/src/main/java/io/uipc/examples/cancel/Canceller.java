package io.uipc.examples.cancel;

import io.uipc.core.SendResult;
import io.uipc.examples.ExampleCommand;
import io.uipc.examples.Discovery;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.MailResult;
import io.uipc.table.mailbox.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Cancels a session's blocking calls (Oracle's ALTER SYSTEM CANCEL SQL): waits for the
 * session's "blocked" vector, lets it sit blocked for {@code --hold} (so the demo shows a call
 * really stuck), leaves a cancel request in the session's inbox, then sends the cancel user
 * interrupt.
 *
 * <p>{@code --session NAME} (default session), {@code --cancels N} (default 2), {@code --hold
 * DURATION} (default 200ms).
 */
public final class Canceller {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Canceller() {
    }

    /**
     * Runs the canceller.
     *
     * @param args see the class comment
     */
    public static void main(final String[] args) {
        final Options o = ExampleCommand.parse(new Options(), args);
        final String sessionName = o.session;
        final long holdNanos = o.hold.toNanos();
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            me.accept(Session.BLOCKED_VECTOR);
            final Target session = Discovery.target(group, sessionName, Session.CANCEL_VECTOR, PATIENCE);
            final Outbox requests = Discovery.outbox(me, sessionName, PATIENCE);
            final CancelRequest request = new CancelRequest();
            final int cancels = o.cancels;
            for (int i = 1; i <= cancels; i++) {
                if ((me.receiver().await(PATIENCE.toSeconds(), TimeUnit.SECONDS) & (1L << Session.BLOCKED_VECTOR)) == 0) {
                    throw new IllegalStateException("session '" + sessionName + "' did not block within " + PATIENCE);
                }
                final String reason = "cancel #" + i + " from " + me.name();
                LockSupport.parkNanos(holdNanos);
                final int mailed = requests.offer(request.set(System.nanoTime(), reason));
                final int sent = me.send(session);
                System.out.println("SENT cancel #" + i + ": mail " + MailResult.describe(mailed) + "; interrupt "
                    + SendResult.describe(sent));
            }
        }
    }

    /** The canceller's command line. */
    @Command(name = "canceller", description = "Cancels a session's blocking calls with user interrupts.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--session", paramLabel = "NAME", description = "The session member (default: ${DEFAULT-VALUE}).")
        String session = "session";
        @Option(names = "--cancels", paramLabel = "N", description = "Calls to cancel (default: ${DEFAULT-VALUE}).")
        int cancels = 2;
        @Option(names = "--hold", paramLabel = "DURATION", description = "How long a call stays blocked before its cancel (default: 200ms).")
        Duration hold = Duration.ofMillis(200);
    }
}
