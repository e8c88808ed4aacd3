package io.uipc.benchmarks.mailbox;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.uipc.benchmarks.HistogramCodec;
import io.uipc.examples.Histograms;
import io.uipc.testing.Sample;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.util.Locale;

/**
 * One process of the Aeron IPC peer of {@link AeronComparison}: {@code rx} or {@code tx}, two
 * JVMs over {@code aeron:ipc} through the media driver the coordinator embeds
 * ({@link AeronIpcDriver}). Messages are the mailbox benchmark's 64-byte raw samples (kind,
 * sequence, send time, five payload words), written in place with
 * {@link Publication#tryClaim}/{@link BufferClaim#commit} and read in place by a
 * {@link FragmentHandler} that checks every payload word, as the uipc receiver does.
 *
 * <p>{@code rx} prints READY and polls (idle: the coordinator measures its CPU now), counts the
 * {@code tx}'s blast of data messages (in order, intact) and prints
 * {@code RESULT <count> <seconds> <errors>}, echoes each ping, and exits on a stop message.
 * {@code tx} blasts its data messages (spinning while back-pressured), then times ping-pong
 * round trips after the warm-up and prints {@code RESULT <histogram of one-way ns>}
 * ({@link HistogramCodec}), then sends the stop message. Both wait with the idle strategy the
 * uipc policy pairs with ({@link #idleStrategy}).
 *
 * <p>Arguments: role, Aeron directory, uipc policy name, stream id (rx subscribes to it and
 * answers on the next one), then for rx the data message count, for tx the data message count,
 * the timed round trips and the warm-up round trips.
 */
public final class AeronPeer {
    /** The channel: IPC, with 8 MiB terms, so the publisher's window (half a term) is the inbox's 4 MiB ring. */
    public static final String CHANNEL = "aeron:ipc?term-length=8m";
    static final long PING = 1;
    static final long DATA = 2;
    static final long STOP = 3;
    private static final int FRAGMENT_LIMIT = Integer.MAX_VALUE;

    private AeronPeer() {
    }

    /**
     * Runs one peer.
     *
     * @param args role, Aeron directory, policy, stream id, then rx: messages; tx: messages round-trips warm-up
     */
    public static void main(final String[] args) {
        final String role = args[0];
        final Aeron.Context context = new Aeron.Context().aeronDirectoryName(args[1]);
        final IdleStrategy idle = idleStrategy(args[2]);
        final int stream = Integer.parseInt(args[3]);
        final long messages = Long.parseLong(args[4]);
        try (Aeron aeron = Aeron.connect(context)) {
            switch (role) {
                case "rx": receive(aeron, stream, idle, messages); break;
                case "tx": send(aeron, stream, idle, messages, Long.parseLong(args[5]), Long.parseLong(args[6])); break;
                default: throw new IllegalArgumentException("unknown role " + role);
            }
        }
    }

    /**
     * The Aeron idle strategy a uipc wait policy is measured against.
     *
     * @param policy "spin", "spin-yield-block" or "block"
     * @return BusySpinIdleStrategy, BackoffIdleStrategy with Agrona's defaults, SleepingMillisIdleStrategy(1)
     */
    static IdleStrategy idleStrategy(final String policy) {
        switch (policy) {
            case "spin": return new BusySpinIdleStrategy();
            case "spin-yield-block": return new BackoffIdleStrategy();
            case "block": return new SleepingMillisIdleStrategy(1);
            default: throw new IllegalArgumentException("no Aeron idle strategy pairs with policy " + policy);
        }
    }

    private static void receive(final Aeron aeron, final int stream, final IdleStrategy idle, final long messages) {
        try (Subscription in = aeron.addSubscription(CHANNEL, stream); Publication back = aeron.addPublication(CHANNEL, stream + 1)) {
            final Receiver rx = new Receiver(back);
            System.out.println("READY");
            while (!rx.stopped) {
                idle.idle(in.poll(rx, FRAGMENT_LIMIT));
                if (rx.count == messages && !rx.reported) {
                    rx.reported = true;
                    System.out.printf(Locale.ROOT, "RESULT %d %.6f %d%n", rx.count, (rx.last - rx.first) / 1e9, rx.errors);
                }
            }
        }
    }

    /** The rx's handler: counts and checks data, echoes pings, notes the stop. */
    private static final class Receiver implements FragmentHandler {
        private final Publication back;
        private final BufferClaim claim = new BufferClaim();
        private long count;
        private long errors;
        private long first;
        private long last;
        private boolean stopped;
        private boolean reported;

        Receiver(final Publication back) {
            this.back = back;
        }

        @Override
        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header) {
            final long kind = buffer.getLong(offset);
            final long seq = buffer.getLong(offset + 8);
            final boolean intact = length == Sample.LENGTH && intact(buffer, offset, seq);
            if (kind == DATA) {
                if (count == 0) {
                    first = System.nanoTime();
                }
                errors += seq == count && intact ? 0 : 1;
                count++;
                last = System.nanoTime();
            } else if (kind == PING) {
                write(back, claim, PING, intact ? seq : -1);
            } else {
                stopped = true;
            }
        }
    }

    private static void send(final Aeron aeron, final int stream, final IdleStrategy idle, final long messages, final long rounds,
                             final long warmup) {
        try (Publication out = aeron.addPublication(CHANNEL, stream); Subscription replies = aeron.addSubscription(CHANNEL, stream + 1)) {
            while (!out.isConnected() || !replies.isConnected()) {
                Thread.onSpinWait();
            }
            final BufferClaim claim = new BufferClaim();
            for (long seq = 0; seq < messages; seq++) {
                write(out, claim, DATA, seq);
            }
            final Histogram oneWay = Histograms.nanos();
            final long[] replied = new long[1];
            final FragmentHandler reply = (buffer, offset, length, header) -> {
                final long got = buffer.getLong(offset + 8);
                replied[0] = length == Sample.LENGTH && intact(buffer, offset, got) ? got : -2;
            };
            for (long seq = 0; seq < warmup + rounds; seq++) {
                final long start = System.nanoTime();
                write(out, claim, PING, seq);
                replied[0] = -3;
                idle.reset();
                while (replies.poll(reply, 1) == 0) {
                    idle.idle();
                }
                if (replied[0] != seq) {
                    throw new IllegalStateException("reply " + replied[0] + " to ping " + seq + ": lost, reordered or corrupt");
                }
                if (seq >= warmup) {
                    oneWay.recordValue(Math.max(1, (System.nanoTime() - start) / 2));
                }
            }
            System.out.println("RESULT " + HistogramCodec.encode(oneWay));
            write(out, claim, STOP, 0);
        }
    }

    /** Claims 64 bytes, writes a raw sample in place, commits; spins while back-pressured. */
    private static void write(final Publication out, final BufferClaim claim, final long kind, final long seq) {
        long result;
        while ((result = out.tryClaim(Sample.LENGTH, claim)) < 0) {
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                throw new IllegalStateException("publication on stream " + out.streamId() + " failed: " + Publication.errorString(result));
            }
            Thread.onSpinWait();
        }
        final MutableDirectBuffer buffer = claim.buffer();
        final int at = claim.offset();
        Sample.write(buffer, at, kind, seq);
        claim.commit();
    }

    private static boolean intact(final DirectBuffer buffer, final int offset, final long seq) {
        boolean intact = true;
        for (int i = 0; i < Sample.PAYLOAD_LONGS; i++) {
            intact &= buffer.getLong(offset + Sample.PAYLOAD_OFFSET + i * Long.BYTES) == Sample.payloadWord(seq, i);
        }
        return intact;
    }
}
