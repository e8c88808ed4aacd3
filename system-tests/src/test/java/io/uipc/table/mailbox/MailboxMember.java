package io.uipc.table.mailbox;

import io.uipc.core.WaitPolicy;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.bench.Sample;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for mailbox tests, configured by {@link GroupEnvironment}. Modes:
 * {@code receive <messages> <policy> <stall-ms>} opens an inbox on vector 5, prints READY,
 * receives typed samples and prints what it saw; {@code send <owner> <count> <id>} sends
 * samples; {@code claim-and-hang <owner>} claims a record, prints CLAIMED and never commits.
 */
public final class MailboxMember {
    static final int VECTOR = 5;

    private MailboxMember() {
    }

    public static void main(final String[] args) throws InterruptedException {
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            switch (args[0]) {
                case "receive": receive(me, Long.parseLong(args[1]), WaitPolicy.parse(args[2]), Long.parseLong(args[3])); break;
                case "send": send(me, args[1], Long.parseLong(args[2]), Long.parseLong(args[3])); break;
                case "claim-and-hang": claimAndHang(me, args[1]); break;
                default: throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    private static void receive(final Member me, final long expected, final WaitPolicy policy, final long stallMs) {
        me.receiver().waitPolicy(policy);
        final InboxConfig config = InboxConfig.defaults().withCapacity(8192).withMaxMessageLength(256)
            .withStallTimeout(Duration.ofMillis(stallMs));
        try (Inbox inbox = Inbox.open(me, VECTOR, config)) {
            System.out.println("READY");
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
            System.out.println("RECEIVED total=" + seen[0] + " errors=" + seen[1] + " senders=" + next.size()
                + " wakeups=" + me.receiver().wakeupCount() + " unblocked=" + inbox.unblockedCount());
        }
    }

    private static void send(final Member me, final String owner, final long count, final long id) {
        final Outbox out = Outbox.connect(me, owner);
        final Sample sample = new Sample();
        long rang = 0;
        for (long seq = 0; seq < count; seq++) {
            final int result = out.offer(sample.set(id, seq, System.nanoTime()), 30, TimeUnit.SECONDS);
            if (!MailResult.isSent(result)) {
                System.out.println("FAILED at " + seq + ": " + MailResult.describe(result));
                return;
            }
            rang += result == MailResult.RANG ? 1 : 0;
        }
        System.out.println("SENT " + count + " rang=" + rang + " handle=" + me.handle());
    }

    private static void claimAndHang(final Member me, final String owner) throws InterruptedException {
        final Outbox out = Outbox.connect(me, owner);
        final int offset = out.claim(Sample.TYPE, Sample.LENGTH);
        System.out.println("CLAIMED " + offset);
        new CountDownLatch(1).await();
    }
}
