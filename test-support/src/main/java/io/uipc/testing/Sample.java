package io.uipc.testing;

import io.uipc.table.mailbox.Mail;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;
import org.agrona.MutableDirectBuffer;

/**
 * The tests' and the mailbox benchmarks' typed message: exactly 64 bytes: sender id, sequence
 * number, send time (System.nanoTime, comparable across processes on one host) and 40 bytes of
 * payload. Test support, not library code: the system tests and the mailbox benchmarks send it.
 */
public final class Sample implements Mail {
    /** Message type. */
    public static final int TYPE = 7;
    /** Encoded length. */
    public static final int LENGTH = 64;
    /** Payload words after sender, sequence and time. */
    public static final int PAYLOAD_LONGS = 5;
    /** Offset of the first payload word. */
    public static final int PAYLOAD_OFFSET = 24;

    private long sender;
    private long sequence;
    private long sentNanos;
    private final long[] payload = new long[PAYLOAD_LONGS];

    /** Creates an empty sample, to {@link #set} or read into. */
    public Sample() {
    }

    /**
     * {@return this sample, set}
     *
     * @param senderId  sender id
     * @param seq       sequence number
     * @param nanos     send time
     */
    public Sample set(final long senderId, final long seq, final long nanos) {
        this.sender = senderId;
        this.sequence = seq;
        this.sentNanos = nanos;
        for (int i = 0; i < PAYLOAD_LONGS; i++) {
            payload[i] = payloadWord(seq, i);
        }
        return this;
    }

    /**
     * {@return what the payload word holds in the message with that sequence number}
     *
     * @param seq sequence number
     * @param i   payload word, 0..4
     */
    public static long payloadWord(final long seq, final int i) {
        return seq * 31 + i;
    }

    /**
     * Writes a sample in place, as raw claim/commit senders do (the uipc inbox and Aeron in the
     * mailbox benchmarks): sender id, sequence number, the time now and the payload words.
     *
     * @param buffer   the claimed buffer
     * @param at       the message's offset in it
     * @param senderId sender id (or a message kind)
     * @param seq      sequence number
     */
    public static void write(final MutableDirectBuffer buffer, final int at, final long senderId, final long seq) {
        buffer.putLong(at, senderId);
        buffer.putLong(at + 8, seq);
        buffer.putLong(at + 16, System.nanoTime());
        for (int i = 0; i < PAYLOAD_LONGS; i++) {
            buffer.putLong(at + PAYLOAD_OFFSET + i * Long.BYTES, payloadWord(seq, i));
        }
    }

    /** {@return sender id} */
    public long sender() {
        return sender;
    }

    /** {@return sequence number} */
    public long sequence() {
        return sequence;
    }

    /** {@return send time, System.nanoTime} */
    public long sentNanos() {
        return sentNanos;
    }

    /** {@return whether the payload matches the sequence number (the bytes arrived intact)} */
    public boolean payloadIntact() {
        for (int i = 0; i < PAYLOAD_LONGS; i++) {
            if (payload[i] != payloadWord(sequence, i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int mailType() {
        return TYPE;
    }

    @Override
    public int encodedLength() {
        return LENGTH;
    }

    @Override
    public void writeMarshallable(final BytesOut<?> out) {
        out.writeLong(sender);
        out.writeLong(sequence);
        out.writeLong(sentNanos);
        for (int i = 0; i < PAYLOAD_LONGS; i++) {
            out.writeLong(payload[i]);
        }
    }

    @Override
    public void readMarshallable(final BytesIn<?> in) {
        sender = in.readLong();
        sequence = in.readLong();
        sentNanos = in.readLong();
        for (int i = 0; i < PAYLOAD_LONGS; i++) {
            payload[i] = in.readLong();
        }
    }
}
