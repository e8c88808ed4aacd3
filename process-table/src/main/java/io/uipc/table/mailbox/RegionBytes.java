package io.uipc.table.mailbox;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.PointerBytesStore;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * One Chronicle {@link Bytes} over a whole ring's memory, repositioned for each record so a
 * {@link Mail} is written or read in place, in the ring, without a copy or an allocation.
 * Chronicle positions are offsets in the ring, the same indices Agrona's ring hands out.
 * One per thread (Chronicle's Bytes are single-threaded); its single-thread check is off so
 * it may be created on one thread and used on another.
 */
final class RegionBytes {
    private static final int WARM_UP_BYTES = 64;

    private final PointerBytesStore store = new PointerBytesStore();
    private final Bytes<Void> bytes;
    private final long address;
    private final int capacity;

    /** @param ring the ring's records buffer, wrapped whole */
    RegionBytes(final DirectBuffer ring) {
        this.address = ring.addressOffset();
        this.capacity = ring.capacity();
        store.set(address, capacity);
        bytes = store.bytesForWrite();
        bytes.singleThreadedCheckDisabled(true);
    }

    /** @return a view over a small buffer of its own: loads and initialises Chronicle Bytes now */
    static RegionBytes warmUp() {
        return new RegionBytes(new UnsafeBuffer(ByteBuffer.allocateDirect(WARM_UP_BYTES)));
    }

    /** @param ring a records buffer @return whether this view covers exactly it */
    boolean covers(final DirectBuffer ring) {
        return ring.addressOffset() == address && ring.capacity() == capacity;
    }

    /**
     * @param offset start of the claimed payload
     * @param length its length
     * @return the bytes, writable exactly over [offset, offset + length)
     */
    Bytes<Void> forWrite(final int offset, final int length) {
        bytes.clear();
        bytes.writePosition(offset);
        bytes.writeLimit((long) offset + length);
        return bytes;
    }

    /**
     * @param offset start of a record's payload
     * @param length its length
     * @return the bytes, readable exactly over [offset, offset + length)
     */
    Bytes<Void> forRead(final int offset, final int length) {
        bytes.clear();
        bytes.readLimit((long) offset + length);
        bytes.readPosition(offset);
        return bytes;
    }
}
