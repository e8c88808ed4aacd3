package io.uipc.table.mailbox;

import net.openhft.chronicle.bytes.BytesMarshallable;

/**
 * A typed message: a Chronicle {@link BytesMarshallable} that knows its type and its encoded
 * length, so {@link Outbox#offer(Mail)} can claim exactly that much of the inbox's ring and
 * have {@link #writeMarshallable} write it there, in place. Receivers read it in place too,
 * with {@link MailReader}. Override {@code writeMarshallable} and {@code readMarshallable}
 * with explicit field writes (Chronicle's reflective defaults allocate).
 */
public interface Mail extends BytesMarshallable {
    /** {@return the message type, at least 1 (Agrona reserves lower values)} */
    int mailType();

    /** {@return the exact number of bytes {@link #writeMarshallable} writes} */
    int encodedLength();
}
