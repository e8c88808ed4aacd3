package io.uipc.chaos;

import io.uipc.core.Receiver;
import io.uipc.core.UipcException;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.MemberHandle;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.table.mailbox.MailResult;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.CommandLoop;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One member of a chaos run (a child JVM started by {@link ChaosRun}). It joins the group under
 * its name (retrying while the reaper has not yet reclaimed a killed predecessor's entry), opens
 * an inbox on {@link #DOORBELL} and accepts interrupts on {@link #POKE}; a sender thread mails
 * and pokes random peers without pause; the main thread receives. Everything is logged per
 * incarnation in the log directory, one write per record:
 * <ul>
 *   <li>{@code <name>.<inc>.sent}: {@code A <receiver index> <receiver handle> <seq>} for each
 *       mail accepted (offer returned success), {@code I <receiver index> <receiver handle> <nanoTime before send>}
 *       for each interrupt accepted (send returned a non-negative code);</li>
 *   <li>{@code <name>.<inc>.recv}: {@code J <own handle>}, then {@code M <sender index> <sender inc> <seq>}
 *       for each mail received and {@code V <nanoTime after delivery>} for each delivery of {@link #POKE}.</li>
 * </ul>
 * It prints {@code ready <own handle>} once it has joined, then serves commands
 * ({@link CommandLoop}): {@code stop} (stop sending; replies once the sender has stopped) and
 * {@code finish} (drain what is left, leave, reply {@code finish <mails> <pokes>} and exit 0).
 *
 * <p>Arguments: log directory, member index, incarnation, members, seed.
 */
public final class ChaosMember {
    /** The inbox's doorbell vector. */
    public static final int DOORBELL = 1;
    /** The vector peers poke. */
    public static final int POKE = 2;
    private static final int MAIL_TYPE = 1;
    private static final int MAIL_LENGTH = 16;
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final Duration JOIN_DEADLINE = Duration.ofSeconds(30);
    private static final Duration FINAL_DRAIN = Duration.ofSeconds(15);

    private final ProcessGroup group;
    private final Member me;
    private final Inbox inbox;
    private final int index;
    private final int incarnation;
    private final int members;
    private final long seed;
    private final RecordLog received;
    private final RecordLog sent;
    private volatile boolean sending = true;
    private volatile boolean finishing;
    private long mails;
    private long pokes;

    private ChaosMember(final ProcessGroup group, final Member me, final Path logDir, final int index, final int incarnation,
                        final int members, final long seed) {
        this.group = group;
        this.me = me;
        this.index = index;
        this.incarnation = incarnation;
        this.members = members;
        this.seed = seed;
        this.received = new RecordLog(logDir.resolve(me.name() + "." + incarnation + ".recv"));
        this.sent = new RecordLog(logDir.resolve(me.name() + "." + incarnation + ".sent"));
        received.write("J " + me.handle());
        this.inbox = Inbox.open(me, DOORBELL, InboxConfig.defaults().withCapacity(64 * 1024).withStallTimeout(Duration.ofSeconds(1)));
        me.accept(POKE);
        me.receiver().onVector(POKE, v -> {
            pokes++;
            received.write("V " + System.nanoTime());
        });
    }

    /**
     * {@return the name of the member with that index}
     *
     * @param memberIndex index
     */
    public static String name(final int memberIndex) {
        return "m" + memberIndex;
    }

    /**
     * Runs one incarnation of a member until the run kills it or ends.
     *
     * @param args log directory, member index, incarnation, members, seed
     */
    public static void main(final String[] args) {
        final Path logDir = Paths.get(args[0]);
        final int index = Integer.parseInt(args[1]);
        final int incarnation = Integer.parseInt(args[2]);
        final ProcessGroup group = GroupEnvironment.attachGroup();
        final Member me = join(group, GroupEnvironment.joinOptions());
        final ChaosMember member = new ChaosMember(group, me, logDir, index, incarnation, Integer.parseInt(args[3]), Long.parseLong(args[4]));
        CommandLoop.print("ready " + me.handle());
        member.run();
        CommandLoop.print("finish " + member.mails + " " + member.pokes);
        System.exit(0);
    }

    private static Member join(final ProcessGroup group, final JoinOptions options) {
        final long deadline = System.nanoTime() + JOIN_DEADLINE.toNanos();
        for (;;) {
            try {
                return group.join(options);
            } catch (final UipcException e) {
                if (!e.getMessage().contains("already taken") || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private void run() {
        final Thread sender = new Thread(this::sendLoop, "chaos-sender");
        sender.setDaemon(true);
        sender.start();
        final Thread commands = new Thread(() -> commands(sender).run(), "chaos-commands");
        commands.setDaemon(true);
        commands.start();
        final Receiver receiver = me.receiver();
        while (!finishing) {
            inbox.receive(this::onMail, 256, 100, TimeUnit.MILLISECONDS);
        }
        final long deadline = System.nanoTime() + FINAL_DRAIN.toNanos();
        do {
            inbox.receive(this::onMail, Integer.MAX_VALUE, 10, TimeUnit.MILLISECONDS);
        } while (inbox.size() > 0 && System.nanoTime() - deadline < 0);
        receiver.dispatch(receiver.poll());
        inbox.close();
        me.close();
        group.close();
        received.close();
    }

    private void onMail(final int type, final DirectBuffer buffer, final int offset, final int length) {
        mails++;
        received.write("M " + buffer.getInt(offset) + " " + buffer.getInt(offset + 4) + " " + buffer.getLong(offset + 8));
    }

    /** The loop exits the JVM at the end of its input: the driver is gone, and a member must not outlive it. */
    private CommandLoop commands(final Thread sender) {
        return new CommandLoop()
            .on("stop", a -> {
                sending = false;
                sender.join();
                sent.close();
                return "";
            })
            .on("finish", a -> {
                finishing = true;
                inbox.wakeup();
                return null;
            });
    }

    /** The peers this member sends to, connected lazily and dropped when their incarnation goes. */
    private final class Peer {
        private final int peerIndex;
        private final String peerName;
        private Outbox outbox;
        private long outboxOwner;
        private Target target;

        Peer(final int peerIndex) {
            this.peerIndex = peerIndex;
            this.peerName = name(peerIndex);
        }

        void mail(final UnsafeBuffer message, final long seq) {
            if (outbox == null && !connect()) {
                return;
            }
            final int result = outbox.offer(MAIL_TYPE, message, 0, MAIL_LENGTH);
            if (MailResult.isSent(result)) {
                sent.write("A " + peerIndex + " " + outboxOwner + " " + seq);
            } else if (result == MailResult.RECEIVER_GONE) {
                outbox = null;
            }
        }

        /** Connects between two lookups of the same handle, so the outbox is known to feed that incarnation. */
        private boolean connect() {
            final long before = group.lookup(peerName);
            if (MemberHandle.isNull(before)) {
                return false;
            }
            try {
                final Outbox candidate = Outbox.connect(me, peerName);
                if (group.lookup(peerName) != before) {
                    return false;
                }
                outbox = candidate;
                outboxOwner = before;
                return true;
            } catch (final UipcException e) {
                return false;
            }
        }

        void poke() {
            if (target == null) {
                try {
                    target = group.resolve(peerName, POKE);
                } catch (final UipcException e) {
                    return;
                }
            }
            final long before = System.nanoTime();
            if (me.send(target) >= 0) {
                sent.write("I " + peerIndex + " " + target.memberHandle() + " " + before);
            } else {
                target = null;
            }
        }
    }

    private void sendLoop() {
        final SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L) ^ ((long) incarnation << 32));
        final Peer[] peers = new Peer[members];
        for (int i = 0; i < members; i++) {
            peers[i] = new Peer(i);
        }
        final UnsafeBuffer message = new UnsafeBuffer(new byte[MAIL_LENGTH]);
        message.putInt(0, index);
        message.putInt(4, incarnation);
        long seq = 0;
        while (sending) {
            int peer = random.nextInt(members - 1);
            if (peer >= index) {
                peer++;
            }
            message.putLong(8, seq);
            peers[peer].mail(message, seq++);
            peers[peer].poke();
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
