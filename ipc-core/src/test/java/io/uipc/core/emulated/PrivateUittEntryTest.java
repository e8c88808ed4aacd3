package io.uipc.core.emulated;

import io.uipc.core.Grant;
import io.uipc.core.SendResult;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A private UITT's entries, written directly: reserved bits fault the send as a corrupt entry
 * and post nothing, and no entry is ever claimed for a free (even) UPID generation.
 */
class PrivateUittEntryTest {
    private static final int VECTOR = 9;

    private final UpidTable upids;
    private final UnsafeBuffer privateTable = PrivateUittDescriptor.allocate(4);
    private final UittTable table;

    PrivateUittEntryTest() {
        final UnsafeBuffer segment = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            (int) DomainHeaderDescriptor.totalLength(2, 2), 64));
        DomainHeaderDescriptor.fill(segment, 2, 2);
        upids = UpidTable.inDomain(segment);
        table = UittTable.inPrivateTable(privateTable, upids);
    }

    @Test
    void reservedBitsFaultTheSendAndPostNothing() {
        final int slot = upids.claim(1);
        final int generation = upids.generation(slot);
        final int index = new EmulatedPrivateUitt(table, upids).register(new Grant(slot, generation, VECTOR));
        final int control = PrivateUittDescriptor.HEADER_LENGTH + UittDescriptor.offset(index) + UittDescriptor.CONTROL_OFFSET;
        final long valid = privateTable.getLongVolatile(control);
        for (final long reserved : new long[] {1L << 16, 1L << 24, UittDescriptor.RESERVED_MASK}) {
            privateTable.putLongVolatile(control, valid | reserved);
            assertEquals(SendResult.CORRUPT_ENTRY, table.sendIndex(index), "reserved bits " + Long.toHexString(reserved));
        }
        assertEquals(0L, upids.take(slot, generation, -1L, Suppression.NEVER), "a faulted send posts nothing");
        privateTable.putLongVolatile(control, valid);
        assertTrue(SendResult.isPosted(table.sendIndex(index)), "the same entry with its reserved bits clear");
        assertEquals(1L << VECTOR, upids.take(slot, generation, -1L, Suppression.NEVER));
    }

    @Test
    void noEntryTargetsAFreeGeneration() {
        final int freeGeneration = upids.generation(1);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.claim(1, freeGeneration, VECTOR));
        assertEquals("UITT target UPID 1@" + freeGeneration + " has a free (even) generation: only a claimed slot may be targeted",
            e.getMessage());
        assertEquals(UittDescriptor.FREE, UittDescriptor.state(table.control(0)), "nothing claimed");
    }
}
