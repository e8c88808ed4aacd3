package io.uipc.examples.cancel;

import io.uipc.core.Dispatcher;
import io.uipc.examples.ExampleCommand;
import io.uipc.examples.Discovery;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.MailReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A database session stuck in long blocking calls: a socket read that no data will ever
 * satisfy, then a ten-minute sleep. Another process cancels each with a user interrupt: the
 * session's receiver runs in a {@link Dispatcher} thread in thread-interrupt mode
 * ({@code interruptOn}), so the cancel vector interrupts the blocked thread as a signal would
 * and the call returns at once. The canceller leaves the reason and its send time in the
 * session's inbox first, so the session reports how long after the send it returned.
 *
 * <p>{@code --canceller NAME} (default canceller). Prints BLOCKED and CANCELLED lines, then DONE
 * with how soon each call returned after its cancel was sent; FAILED and exit code 1 if a call
 * returned without being cancelled.
 */
public final class Session {
    /** The user interrupt that cancels the current call. */
    public static final int CANCEL_VECTOR = 3;
    /** Doorbell of the session's inbox (cancel requests are read after the interrupt, so it is never armed). */
    public static final int INBOX_VECTOR = 4;
    /** Posted to the canceller just before each blocking call. */
    public static final int BLOCKED_VECTOR = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Session() {
    }

    /**
     * Runs the session.
     *
     * @param args see the class comment
     * @throws IOException if the loopback socket cannot be set up
     */
    @SuppressWarnings("try") // the dispatcher only has to run while the calls block
    public static void main(final String[] args) throws IOException {
        final Options o = ExampleCommand.parse(new Options(), args);
        final Optional<String> cancelled;
        try (ProcessGroup group = GroupEnvironment.attachGroup();
             Member me = group.join(GroupEnvironment.joinOptions());
             Inbox inbox = Inbox.open(me, INBOX_VECTOR)) {
            me.accept(CANCEL_VECTOR);
            me.receiver().interruptOn(CANCEL_VECTOR, Thread.currentThread());
            final Target canceller = Discovery.target(group, o.canceller, BLOCKED_VECTOR, PATIENCE);
            final Cancellations cancellations = new Cancellations(inbox);
            try (Dispatcher interrupts = me.receiver().startDispatcher("session-interrupts")) {
                blockInSocketRead(me, canceller, cancellations);
                blockInSleep(me, canceller, cancellations);
            }
            cancelled = cancellations.summary();
        }
        System.out.println(cancelled.isEmpty() ? "FAILED not every blocking call was cancelled" : "DONE " + cancelled.get());
        if (cancelled.isEmpty()) {
            System.exit(1);
        }
    }

    private static void blockInSocketRead(final Member me, final Target canceller, final Cancellations cancellations) throws IOException {
        final InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(loopback);
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel peer = server.accept()) {
            System.out.println("BLOCKED socket-read on " + client.getLocalAddress() + " (no data will come)");
            me.send(canceller);
            final long start = System.nanoTime();
            try {
                final int n = peer.read(ByteBuffer.allocate(1));
                cancellations.notCancelled("socket-read returned " + n);
            } catch (final ClosedByInterruptException e) {
                cancellations.report("socket-read", start, e);
            }
        }
    }

    private static void blockInSleep(final Member me, final Target canceller, final Cancellations cancellations) {
        System.out.println("BLOCKED sleep for 10 minutes");
        me.send(canceller);
        final long start = System.nanoTime();
        try {
            Thread.sleep(Duration.ofMinutes(10).toMillis());
            cancellations.notCancelled("sleep ended");
        } catch (final InterruptedException e) {
            cancellations.report("sleep", start, e);
        }
    }

    /** Reads the cancel request behind an interrupt and reports the call's return. */
    private static final class Cancellations {
        private final Inbox inbox;
        private final MailReader reader = new MailReader();
        private final CancelRequest request = new CancelRequest();
        private final List<String> returns = new ArrayList<>();
        private boolean failed;

        Cancellations(final Inbox inbox) {
            this.inbox = inbox;
        }

        void report(final String call, final long blockedSince, final Exception cause) {
            final long returned = System.nanoTime();
            Thread.interrupted();
            request.set(0, "(no cancel request in the inbox)");
            inbox.drain((type, buffer, offset, length) -> reader.read(buffer, offset, length, request), 1);
            final double micros = request.sentNanos() == 0 ? Double.NaN : (returned - request.sentNanos()) / 1e3;
            System.out.printf("CANCELLED %s by %s after blocking %.1f ms; returned %.1f us after the cancel was sent; reason: %s%n",
                call, cause.getClass().getName(), (returned - blockedSince) / 1e6, micros, request.reason());
            returns.add(String.format("%s %.1f us", call, micros));
        }

        void notCancelled(final String what) {
            failed = true;
            System.out.println("FAILED " + what + " without an interrupt");
        }

        /** @return how soon each call returned after its cancel was sent, or empty if one was not cancelled */
        Optional<String> summary() {
            return failed ? Optional.empty()
                : Optional.of(returns.size() + " blocking calls cancelled; returned after the cancel was sent: " + String.join(", ", returns));
        }
    }

    /** The session's command line. */
    @Command(name = "session", description = "A session blocked in a socket read, then a sleep, until cancelled.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--canceller", paramLabel = "NAME", description = "The canceller member (default: ${DEFAULT-VALUE}).")
        String canceller = "canceller";
    }
}
