package io.uipc.table.mailbox;

import io.uipc.testing.Sample;
import io.uipc.core.WaitPolicy;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.CommandLoop;
import io.uipc.testing.StopWhileCreating;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A group member in a child JVM for mailbox tests. It joins as its environment says
 * ({@link GroupEnvironment}, the launcher's way), then serves {@link io.uipc.testing.JvmProcess}
 * commands:
 * <pre>
 *   open POLICY STALL_MS     open an inbox on vector {@value #VECTOR} with that wait policy and stall timeout
 *   openstuck                open an inbox on another thread, which stops for good once the file is
 *                            made under its temporary name ({@link StopWhileCreating})
 *   receive COUNT            (replies later) receive COUNT typed samples; replies
 *                            "total=N errors=E senders=S wakeups=W unblocked=U"
 *   send OWNER COUNT ID      send COUNT samples as sender ID to OWNER's inbox; replies
 *                            "sent=COUNT rang=R handle=H", or "failed at SEQ: RESULT"
 *   claim OWNER              claim a record in OWNER's inbox and never commit it; replies its offset
 *   leave                    close the inbox and leave the group
 * </pre>
 */
public final class MailboxMember {
    /** The vector of the inbox {@code open} opens. */
    static final int VECTOR = 5;

    private final ExecutorService receiving = CommandLoop.daemonThread("receiving");
    private final ProcessGroup group;
    private final Member me;
    private volatile Inbox inbox;

    private MailboxMember(final ProcessGroup group, final Member me) {
        this.group = group;
        this.me = me;
    }

    /**
     * Joins, then serves commands until end of input.
     *
     * @param args none: the group, name and secret come from the environment
     */
    public static void main(final String[] args) {
        final ProcessGroup group = GroupEnvironment.attachGroup();
        final MailboxMember member = new MailboxMember(group, group.join(GroupEnvironment.joinOptions()));
        new CommandLoop()
            .on("open", a -> member.open(WaitPolicy.parse(a[0]), Long.parseLong(a[1])))
            .on("openstuck", a -> member.openStuck())
            .on("receive", a -> member.receive(Long.parseLong(a[0])))
            .on("send", a -> member.send(a[0], Long.parseLong(a[1]), Long.parseLong(a[2])))
            .on("claim", a -> Integer.toString(Outbox.connect(member.me, a[0]).claim(Sample.TYPE, Sample.LENGTH)))
            .on("leave", a -> member.leave())
            .run();
    }

    private String open(final WaitPolicy policy, final long stallMillis) {
        me.receiver().waitPolicy(policy);
        inbox = Inbox.open(me, VECTOR, InboxConfig.defaults().withCapacity(8192).withMaxMessageLength(256)
            .withStallTimeout(Duration.ofMillis(stallMillis)));
        return "";
    }

    private String openStuck() {
        StopWhileCreating.install();
        receiving.execute(() -> open(WaitPolicy.SPIN, 1000));
        return "";
    }

    /** Counts the samples that arrive out of their sender's order, mistyped or damaged as errors. */
    private String receive(final long expected) {
        CommandLoop.replyLater(receiving, "receive", () -> {
            final MailReader reader = new MailReader();
            final Sample sample = new Sample();
            final Map<Long, Long> next = new HashMap<>();
            final long[] seen = new long[2];
            while (seen[0] < expected) {
                inbox.receive((type, buffer, offset, length) -> {
                    reader.read(buffer, offset, length, sample);
                    final long want = next.getOrDefault(sample.sender(), 0L);
                    if (type != Sample.TYPE || length != Sample.LENGTH || sample.sequence() != want || !sample.payloadIntact()) {
                        seen[1]++;
                    }
                    next.put(sample.sender(), sample.sequence() + 1);
                    seen[0]++;
                }, Integer.MAX_VALUE, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            }
            return "total=" + seen[0] + " errors=" + seen[1] + " senders=" + next.size()
                + " wakeups=" + me.receiver().wakeupCount() + " unblocked=" + inbox.unblockedCount();
        });
        return null;
    }

    private String send(final String owner, final long count, final long id) {
        final Outbox out = Outbox.connect(me, owner);
        final Sample sample = new Sample();
        long rang = 0;
        for (long seq = 0; seq < count; seq++) {
            final int result = out.offer(sample.set(id, seq, System.nanoTime()), 30, TimeUnit.SECONDS);
            if (!MailResult.isSent(result)) {
                return "failed at " + seq + ": " + MailResult.describe(result);
            }
            rang += result == MailResult.RANG ? 1 : 0;
        }
        return "sent=" + count + " rang=" + rang + " handle=" + me.handle();
    }

    private String leave() {
        if (inbox != null) {
            inbox.close();
        }
        me.close();
        group.close();
        return "";
    }
}
