package io.uipc.table.mailbox;

import net.openhft.chronicle.bytes.BytesIn;
import org.agrona.DirectBuffer;

/**
 * Reads typed {@link Mail} in place from the records an {@link Inbox} hands its handler:
 * a Chronicle view over the ring, repositioned per record, no copy and no allocation once
 * warm. Use one per receiving thread, inside the handler. Creating one initialises Chronicle
 * Bytes (about 0.3 s, once per JVM), so the first message read does not pay for it.
 */
public final class MailReader {
    private RegionBytes view = RegionBytes.warmUp();

    /** Creates a reader, warming up Chronicle Bytes once per JVM. */
    public MailReader() {
    }

    /**
     * {@return Chronicle bytes over exactly that payload}
     *
     * @param buffer the buffer the handler was given (the inbox's ring)
     * @param offset the payload's offset
     * @param length the payload's length
     */
    public BytesIn<?> bytes(final DirectBuffer buffer, final int offset, final int length) {
        if (view == null || !view.covers(buffer)) {
            view = new RegionBytes(buffer);
        }
        return view.forRead(offset, length);
    }

    /**
     * {@return {@code into}, read from the payload}
     *
     * @param buffer the buffer the handler was given
     * @param offset the payload's offset
     * @param length the payload's length
     * @param into   the message to fill
     * @param <T>    its type
     */
    public <T extends Mail> T read(final DirectBuffer buffer, final int offset, final int length, final T into) {
        into.readMarshallable(bytes(buffer, offset, length));
        return into;
    }
}
