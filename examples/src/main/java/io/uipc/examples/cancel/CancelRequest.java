package io.uipc.examples.cancel;

import io.uipc.table.mailbox.Mail;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/** Why and when a call was cancelled: mail the canceller leaves in the session's inbox before interrupting it. */
final class CancelRequest implements Mail {
    static final int TYPE = 1;

    private long sentNanos;
    private final StringBuilder reason = new StringBuilder(64);

    CancelRequest set(final long nanos, final CharSequence why) {
        sentNanos = nanos;
        reason.setLength(0);
        reason.append(why, 0, Math.min(why.length(), 100));
        return this;
    }

    long sentNanos() {
        return sentNanos;
    }

    CharSequence reason() {
        return reason;
    }

    @Override
    public int mailType() {
        return TYPE;
    }

    @Override
    public int encodedLength() {
        return Long.BYTES + 1 + reason.length();
    }

    @Override
    public void writeMarshallable(final BytesOut<?> out) {
        out.writeLong(sentNanos);
        out.write8bit(reason);
    }

    @Override
    public void readMarshallable(final BytesIn<?> in) {
        sentNanos = in.readLong();
        in.read8bit(reason);
    }
}
