package io.uipc.table.mailbox.bench;

import io.uipc.core.Receiver;
import io.uipc.core.WaitPolicy;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.table.mailbox.MailReader;
import io.uipc.table.mailbox.MailResult;
import io.uipc.table.mailbox.Outbox;
import org.HdrHistogram.Histogram;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One process of {@link MailboxBench}, configured by {@link GroupEnvironment}: {@code rx}
 * (an inbox draining what {@code tx} processes blast into it), or {@code ping}/{@code pong}
 * (round trips by interrupt only, or by 64-byte mail each way). Prints READY when set up, a
 * RESULT line at the end; {@code tx} waits for GO on stdin so all senders start together.
 *
 * <p>Arguments: role, then {@code kind} (irq, or a mail codec: raw or chronicle), wait policy,
 * message or round count, then for rx the sender count and for ping the warm-up rounds.
 */
public final class MailboxBenchMember {
    static final int INBOX_VECTOR = 1;
    static final int PING_VECTOR = 2;
    static final int REPLY_VECTOR = 3;
    static final int INBOX_CAPACITY = 4 << 20;
    private static final int LATENCY_SAMPLE_MASK = 15;
    private static final long PATIENCE_SECONDS = 60;

    private MailboxBenchMember() {
    }

    /**
     * @param args role kind policy count [senders]
     * @throws IOException if stdin fails
     */
    public static void main(final String[] args) throws IOException {
        final String role = args[0];
        final String kind = args[1];
        final WaitPolicy policy = WaitPolicy.parse(args[2]);
        final long count = Long.parseLong(args[3]);
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            me.receiver().waitPolicy(policy);
            switch (role) {
                case "rx": receive(me, kind, count * Integer.parseInt(args[4])); break;
                case "tx": send(me, kind, count); break;
                case "pong": pong(me, kind); break;
                case "ping": ping(me, kind, count, Long.parseLong(args[4])); break;
                default: throw new IllegalArgumentException("unknown role " + role);
            }
        }
    }

    private static Inbox openInbox(final Member me) {
        return Inbox.open(me, INBOX_VECTOR, InboxConfig.defaults().withCapacity(INBOX_CAPACITY).withMaxMessageLength(Sample.LENGTH));
    }

    private static void receive(final Member me, final String codec, final long total) {
        try (Inbox inbox = openInbox(me)) {
            final Drain drain = new Drain(codec.equals("chronicle"));
            System.out.println("READY");
            while (drain.count < total) {
                inbox.receive(drain, Integer.MAX_VALUE, PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
            final double seconds = (System.nanoTime() - drain.first) / 1e9;
            System.out.printf("RESULT msgs=%d seconds=%.3f rate=%.0f msgs/s errors=%d wakeups=%d one-way-under-load %s%n", drain.count,
                seconds, drain.count / seconds, drain.errors, me.receiver().wakeupCount(), Histograms.micros(drain.latency));
        }
    }

    /** The receiver's handler: counts, checks sequence per sender, samples one-way latency. */
    private static final class Drain implements MessageHandler {
        private final boolean chronicle;
        private final MailReader reader = new MailReader();
        private final Sample sample = new Sample();
        private final long[] next = new long[64];
        private final Histogram latency = Histograms.nanos();
        private long count;
        private long errors;
        private long first;

        Drain(final boolean chronicle) {
            this.chronicle = chronicle;
        }

        @Override
        public void onMessage(final int type, final MutableDirectBuffer buffer, final int offset, final int length) {
            final long sender;
            final long seq;
            final long sent;
            if (chronicle) {
                reader.read(buffer, offset, length, sample);
                sender = sample.sender();
                seq = sample.sequence();
                sent = sample.sentNanos();
            } else {
                sender = buffer.getLong(offset);
                seq = buffer.getLong(offset + 8);
                sent = buffer.getLong(offset + 16);
            }
            final int s = (int) sender & 63;
            errors += seq == next[s] ? 0 : 1;
            next[s] = seq + 1;
            if (count == 0) {
                first = System.nanoTime();
            }
            if ((count & LATENCY_SAMPLE_MASK) == 0) {
                latency.recordValue(Math.max(1, System.nanoTime() - sent));
            }
            count++;
        }
    }

    private static void send(final Member me, final String codec, final long messages) throws IOException {
        final Outbox out = Outbox.connect(me, "rx");
        final long id = me.slot();
        System.out.println("READY");
        final BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        if (!"GO".equals(stdin.readLine())) {
            throw new IllegalStateException("expected GO on stdin");
        }
        final boolean chronicle = codec.equals("chronicle");
        final Sample sample = new Sample();
        long full = 0;
        for (long seq = 0; seq < messages; seq++) {
            int result;
            while ((result = offer(out, chronicle, sample, id, seq)) == MailResult.FULL) {
                full++;
                Thread.onSpinWait();
            }
            if (!MailResult.isSent(result)) {
                throw new IllegalStateException("send " + seq + ": " + MailResult.describe(result));
            }
        }
        System.out.println("DONE full-retries=" + full);
    }

    /** Offers one 64-byte sample: typed through Chronicle, or raw Agrona puts into the claimed record. */
    private static int offer(final Outbox out, final boolean chronicle, final Sample sample, final long id, final long seq) {
        if (chronicle) {
            return out.offer(sample.set(id, seq, System.nanoTime()));
        }
        final int at = out.claim(Sample.TYPE, Sample.LENGTH);
        if (at < 0) {
            return at;
        }
        final MutableDirectBuffer ring = out.buffer();
        ring.putLong(at, id);
        ring.putLong(at + 8, seq);
        ring.putLong(at + 16, System.nanoTime());
        for (int i = 24; i < Sample.LENGTH; i += Long.BYTES) {
            ring.putLong(at + i, seq);
        }
        return out.commit(at);
    }

    private static void pong(final Member me, final String kind) {
        final Receiver receiver = me.receiver();
        if (kind.equals("irq")) {
            me.accept(PING_VECTOR);
            System.out.println("READY");
            Target ping = null;
            for (;;) {
                final long vectors = receiver.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                if (vectors == 0) {
                    return;
                }
                if (ping == null) {
                    ping = me.group().resolve("ping", REPLY_VECTOR);
                }
                me.send(ping);
            }
        }
        try (Inbox inbox = openInbox(me)) {
            System.out.println("READY");
            final Outbox[] back = new Outbox[1];
            final boolean chronicle = kind.equals("chronicle");
            final Sample sample = new Sample();
            final MailReader reader = new MailReader();
            final MessageHandler echo = (type, buffer, offset, length) -> {
                if (back[0] == null) {
                    back[0] = Outbox.connect(me, "ping");
                }
                final long seq = chronicle ? reader.read(buffer, offset, length, sample).sequence() : buffer.getLong(offset + 8);
                offer(back[0], chronicle, sample, 1, seq);
            };
            int echoed;
            do {
                echoed = inbox.receive(echo, Integer.MAX_VALUE, PATIENCE_SECONDS, TimeUnit.SECONDS);
            } while (echoed > 0);
        }
    }

    private static void ping(final Member me, final String kind, final long rounds, final long warmup) {
        final Histogram oneWay = Histograms.nanos();
        final Receiver receiver = me.receiver();
        if (kind.equals("irq")) {
            me.accept(REPLY_VECTOR);
            final Target pong = me.group().resolve("pong", PING_VECTOR);
            for (long i = 0; i < warmup + rounds; i++) {
                final long start = System.nanoTime();
                me.send(pong);
                if (receiver.await(PATIENCE_SECONDS, TimeUnit.SECONDS) == 0) {
                    throw new IllegalStateException("no reply");
                }
                if (i >= warmup) {
                    oneWay.recordValue(Math.max(1, (System.nanoTime() - start) / 2));
                }
            }
        } else {
            try (Inbox inbox = openInbox(me)) {
                final Outbox pong = Outbox.connect(me, "pong");
                final boolean chronicle = kind.equals("chronicle");
                final Sample sample = new Sample();
                final MessageHandler ignore = (type, buffer, offset, length) -> { };
                for (long i = 0; i < warmup + rounds; i++) {
                    final long start = System.nanoTime();
                    offer(pong, chronicle, sample, 0, i);
                    if (inbox.receive(ignore, 1, PATIENCE_SECONDS, TimeUnit.SECONDS) == 0) {
                        throw new IllegalStateException("no reply");
                    }
                    if (i >= warmup) {
                        oneWay.recordValue(Math.max(1, (System.nanoTime() - start) / 2));
                    }
                }
            }
        }
        System.out.println("RESULT one-way " + Histograms.nanoseconds(oneWay));
    }
}
