package io.uipc.benchmarks.mailbox;

import io.uipc.benchmarks.HistogramCodec;
import io.uipc.core.Receiver;
import io.uipc.core.WaitPolicy;
import io.uipc.examples.Histograms;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.table.mailbox.MailReader;
import io.uipc.table.mailbox.MailResult;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.Sample;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One process of {@link MailboxBench}, configured by {@link GroupEnvironment}: {@code rx}
 * (an inbox draining what {@code tx} processes blast into it), or {@code ping}/{@code pong}
 * (round trips by interrupt and by 64-byte mail each way, alternating). Prints READY when set up, a
 * RESULT line at the end (parsed by {@link MailboxBench}); {@code rx} and {@code tx} wait for GO on
 * stdin, so the receiver does not spin while the senders' JVMs start and all senders start together.
 *
 * <p>Arguments: role, then the mail codec (raw or chronicle), wait policy, message or round
 * count; then for rx the sender count and the latency sample mask (15: every 16th message, 0:
 * every message), for tx the pause after each message in microseconds (0: none), for ping the
 * warm-up rounds (ping's counts are rounded up to whole blocks of {@link #BLOCK}).
 */
public final class MailboxBenchMember {
    static final int INBOX_VECTOR = 1;
    static final int PING_VECTOR = 2;
    static final int REPLY_VECTOR = 3;
    static final int INBOX_CAPACITY = 4 << 20;
    /** Round trips per block of one kind in the ping-pong. */
    static final int BLOCK = 1_000;
    private static final long PATIENCE_SECONDS = 60;

    private MailboxBenchMember() {
    }

    /**
     * Runs one process of the benchmark.
     *
     * @param args role codec policy count [senders sample-mask | pace-micros | warm-up]
     * @throws IOException if stdin fails
     */
    public static void main(final String[] args) throws IOException {
        final String role = args[0];
        final String codec = args[1];
        final WaitPolicy policy = WaitPolicy.parse(args[2]);
        final long count = Long.parseLong(args[3]);
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(GroupEnvironment.joinOptions())) {
            me.receiver().waitPolicy(policy);
            switch (role) {
                case "rx": receive(me, codec, count * Integer.parseInt(args[4]), Integer.parseInt(args[5])); break;
                case "tx": send(me, codec, count, Long.parseLong(args[4])); break;
                case "pong": pong(me, codec); break;
                case "ping": ping(me, codec, count, Long.parseLong(args[4])); break;
                default: throw new IllegalArgumentException("unknown role " + role);
            }
        }
    }

    /** The throughput run's inbox: 4 MiB, so the senders rarely find it full. */
    private static Inbox openInbox(final Member me) {
        return Inbox.open(me, INBOX_VECTOR, InboxConfig.defaults().withCapacity(INBOX_CAPACITY).withMaxMessageLength(Sample.LENGTH));
    }

    /** The ping-pong's inboxes: the default configuration. */
    private static Inbox openDefaultInbox(final Member me) {
        return Inbox.open(me, INBOX_VECTOR);
    }

    private static void receive(final Member me, final String codec, final long total, final int latencySampleMask) throws IOException {
        try (Inbox inbox = openInbox(me)) {
            final Drain drain = new Drain(codec.equals("chronicle"), latencySampleMask);
            System.out.println("READY");
            awaitGo();
            while (drain.count < total) {
                inbox.receive(drain, Integer.MAX_VALUE, PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
            final double seconds = (System.nanoTime() - drain.first) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT %d %.6f %d %d %s%n", drain.count, seconds, drain.errors, me.receiver().wakeupCount(),
                HistogramCodec.encode(drain.latency));
        }
    }

    /** The receiver's handler: counts, checks sequence per sender, samples one-way latency. */
    private static final class Drain implements MessageHandler {
        private final boolean chronicle;
        private final int sampleMask;
        private final MailReader reader = new MailReader();
        private final Sample sample = new Sample();
        private final long[] next = new long[64];
        private final Histogram latency = Histograms.nanos();
        private long count;
        private long errors;
        private long first;

        Drain(final boolean chronicle, final int sampleMask) {
            this.chronicle = chronicle;
            this.sampleMask = sampleMask;
        }

        @Override
        public void onMessage(final int type, final MutableDirectBuffer buffer, final int offset, final int length) {
            final long sender;
            final long seq;
            final long sent;
            final boolean intact;
            if (chronicle) {
                reader.read(buffer, offset, length, sample);
                sender = sample.sender();
                seq = sample.sequence();
                sent = sample.sentNanos();
                intact = sample.payloadIntact();
            } else {
                sender = buffer.getLong(offset);
                seq = buffer.getLong(offset + 8);
                sent = buffer.getLong(offset + 16);
                intact = rawPayloadIntact(buffer, offset, seq);
            }
            final int s = (int) sender & 63;
            errors += seq == next[s] && intact ? 0 : 1;
            next[s] = seq + 1;
            if (count == 0) {
                first = System.nanoTime();
            }
            if ((count & sampleMask) == 0) {
                latency.recordValue(Math.max(1, System.nanoTime() - sent));
            }
            count++;
        }
    }

    /** Blocks until the coordinator says GO on stdin (once per process: the reader is not kept). */
    private static void awaitGo() throws IOException {
        final BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        if (!"GO".equals(stdin.readLine())) {
            throw new IllegalStateException("expected GO on stdin");
        }
    }

    /** Sends {@code messages}, back to back, or with a pause of {@code paceMicros} after each. */
    private static void send(final Member me, final String codec, final long messages, final long paceMicros) throws IOException {
        final Outbox out = Outbox.connect(me, "rx");
        final long id = me.slot();
        System.out.println("READY");
        awaitGo();
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
            if (paceMicros > 0) {
                LockSupport.parkNanos(paceMicros * 1_000);
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
        Sample.write(ring, at, id, seq);
        return out.commit(at);
    }

    /** Reads a raw sample's whole payload, as a receiver would: whether it matches the sequence number. */
    private static boolean rawPayloadIntact(final DirectBuffer buffer, final int offset, final long seq) {
        boolean intact = true;
        for (int i = 0; i < Sample.PAYLOAD_LONGS; i++) {
            intact &= buffer.getLong(offset + Sample.PAYLOAD_OFFSET + i * Long.BYTES) == Sample.payloadWord(seq, i);
        }
        return intact;
    }

    /**
     * Echoes: an interrupt block of {@link #BLOCK} rounds (each ping vector answered with the
     * reply vector), then a mail block (each message answered with a message), and so on, in
     * step with {@link #ping}, until stopped.
     */
    private static void pong(final Member me, final String codec) {
        final Receiver receiver = me.receiver();
        me.accept(PING_VECTOR);
        try (Inbox inbox = openDefaultInbox(me)) {
            System.out.println("READY");
            final boolean chronicle = codec.equals("chronicle");
            final Sample sample = new Sample();
            final MailReader reader = new MailReader();
            final Outbox[] back = new Outbox[1];
            final MessageHandler echo = (type, buffer, offset, length) -> {
                final long seq = chronicle ? reader.read(buffer, offset, length, sample).sequence() : buffer.getLong(offset + 8);
                final boolean intact = chronicle ? sample.payloadIntact() : rawPayloadIntact(buffer, offset, seq);
                offer(back[0], chronicle, sample, 1, intact ? seq : -1);
            };
            final Target ping = awaitPing(receiver, me);
            back[0] = Outbox.connect(me, "ping");
            for (;;) {
                for (int i = 1; i < BLOCK; i++) {
                    me.send(ping);
                    awaitVector(receiver, PING_VECTOR);
                }
                me.send(ping);
                for (int i = 0; i < BLOCK; i++) {
                    if (inbox.receive(echo, 1, PATIENCE_SECONDS, TimeUnit.SECONDS) == 0) {
                        return;
                    }
                }
                awaitVector(receiver, PING_VECTOR);
            }
        }
    }

    private static Target awaitPing(final Receiver receiver, final Member me) {
        awaitVector(receiver, PING_VECTOR);
        return me.group().resolve("ping", REPLY_VECTOR);
    }

    /** Waits for {@code vector}, ignoring a doorbell left pending by a mail block. */
    private static void awaitVector(final Receiver receiver, final int vector) {
        long vectors;
        do {
            vectors = receiver.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (vectors == 0) {
                throw new IllegalStateException("no vector " + vector + " within " + PATIENCE_SECONDS + " s");
            }
        } while ((vectors & (1L << vector)) == 0);
    }

    /**
     * Round trips by interrupt and by mail, alternating in blocks of {@link #BLOCK} between the
     * same two processes, so a change of the VM's speed mid-run hits both alike and their ratio
     * holds. Prints each kind's one-way histogram ({@link HistogramCodec#encode}).
     */
    private static void ping(final Member me, final String codec, final long rounds, final long warmup) {
        final Histogram interrupt = Histograms.nanos();
        final Histogram mail = Histograms.nanos();
        final Receiver receiver = me.receiver();
        me.accept(REPLY_VECTOR);
        try (Inbox inbox = openDefaultInbox(me)) {
            final Target pong = me.group().resolve("pong", PING_VECTOR);
            final Outbox toPong = Outbox.connect(me, "pong");
            final boolean chronicle = codec.equals("chronicle");
            final Sample sample = new Sample();
            final Sample reply = new Sample();
            final MailReader reader = new MailReader();
            final long[] replied = new long[1];
            final MessageHandler check = (type, buffer, offset, length) -> {
                if (chronicle) {
                    reader.read(buffer, offset, length, reply);
                    replied[0] = reply.payloadIntact() ? reply.sequence() : -1;
                } else {
                    final long got = buffer.getLong(offset + 8);
                    replied[0] = rawPayloadIntact(buffer, offset, got) ? got : -1;
                }
            };
            final long warmupBlocks = (warmup + BLOCK - 1) / BLOCK;
            final long blocks = warmupBlocks + (rounds + BLOCK - 1) / BLOCK;
            long seq = 0;
            for (long b = 0; b < blocks; b++) {
                final boolean timed = b >= warmupBlocks;
                for (int i = 0; i < BLOCK; i++) {
                    final long start = System.nanoTime();
                    me.send(pong);
                    awaitVector(receiver, REPLY_VECTOR);
                    record(interrupt, timed, start);
                }
                for (int i = 0; i < BLOCK; i++) {
                    final long start = System.nanoTime();
                    offer(toPong, chronicle, sample, 0, seq);
                    if (inbox.receive(check, 1, PATIENCE_SECONDS, TimeUnit.SECONDS) == 0) {
                        throw new IllegalStateException("no reply");
                    }
                    if (replied[0] != seq++) {
                        throw new IllegalStateException("reply " + replied[0] + " to message " + (seq - 1) + ": lost, reordered or corrupt");
                    }
                    record(mail, timed, start);
                }
            }
        }
        System.out.println("RESULT interrupt " + HistogramCodec.encode(interrupt));
        System.out.println("RESULT mail " + HistogramCodec.encode(mail));
    }

    private static void record(final Histogram oneWay, final boolean timed, final long start) {
        if (timed) {
            oneWay.recordValue(Math.max(1, (System.nanoTime() - start) / 2));
        }
    }
}
