package io.uipc.table;

import io.uipc.core.Vectors;
import org.agrona.concurrent.AtomicBuffer;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static io.uipc.table.MemberEntryDescriptor.ACTIVE;
import static io.uipc.table.MemberEntryDescriptor.CONTROL_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.FREE;
import static io.uipc.table.MemberEntryDescriptor.HANDLES_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.HANDLE_VECTORS_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.MAX_NAME_LENGTH;
import static io.uipc.table.MemberEntryDescriptor.MAX_ROLE_LENGTH;
import static io.uipc.table.MemberEntryDescriptor.MAX_VECTORS;
import static io.uipc.table.MemberEntryDescriptor.NAME_HASH_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.NAME_LENGTH_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.NAME_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.PID_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.ROLE_LENGTH_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.ROLE_OFFSET;
import static io.uipc.table.ProcessTableDescriptor.INDEX_DELETED;
import static io.uipc.table.ProcessTableDescriptor.INDEX_EMPTY;

/**
 * Flyweight over a mapped process table ({@link ProcessTableDescriptor}): entries, the name
 * index and the lock-free lookup. Mutating methods must be called under the group's mutation
 * lock; readers never lock and treat every byte as untrusted.
 */
final class ProcessTable {
    private final AtomicBuffer buffer;
    private final int entryCapacity;
    private final int indexCapacity;

    ProcessTable(final AtomicBuffer buffer) {
        this.buffer = buffer;
        this.entryCapacity = buffer.getInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET);
        this.indexCapacity = buffer.getInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET);
    }

    AtomicBuffer buffer() {
        return buffer;
    }

    int entryCapacity() {
        return entryCapacity;
    }

    int offset(final int slot) {
        return ProcessTableDescriptor.entryOffset(slot);
    }

    long control(final int slot) {
        return buffer.getLongVolatile(offset(slot) + CONTROL_OFFSET);
    }

    boolean casControl(final int slot, final long expected, final long update) {
        return buffer.compareAndSetLong(offset(slot) + CONTROL_OFFSET, expected, update);
    }

    void putControl(final int slot, final long control) {
        buffer.putLongVolatile(offset(slot) + CONTROL_OFFSET, control);
    }

    /**
     * Lock-free lookup by name: hash, probe, confirm state, name and generation.
     *
     * @return a {@link MemberHandle}, or {@link MemberHandle#NULL}
     */
    long lookup(final String name) {
        final int hash = name.hashCode();
        final int mask = indexCapacity - 1;
        int cell = spread(hash) & mask;
        for (int probes = 0; probes < indexCapacity; probes++, cell = (cell + 1) & mask) {
            final int value = buffer.getIntVolatile(ProcessTableDescriptor.indexCellOffset(entryCapacity, cell));
            if (value == INDEX_EMPTY) {
                return MemberHandle.NULL;
            }
            if (value == INDEX_DELETED) {
                continue;
            }
            final int slot = value - 1;
            if (slot < 0 || slot >= entryCapacity) {
                throw new TableCorruptException("process table name index cell " + cell + " holds slot " + slot
                    + ", outside 0.." + (entryCapacity - 1));
            }
            final int off = offset(slot);
            final long control = buffer.getLongVolatile(off + CONTROL_OFFSET);
            if (MemberEntryDescriptor.state(control) == ACTIVE && buffer.getInt(off + NAME_HASH_OFFSET) == hash
                && nameEquals(off, name) && buffer.getLongVolatile(off + CONTROL_OFFSET) == control) {
                return MemberHandle.of(slot, MemberEntryDescriptor.generation(control));
            }
        }
        return MemberHandle.NULL;
    }

    private boolean nameEquals(final int off, final String name) {
        final int length = buffer.getInt(off + NAME_LENGTH_OFFSET);
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer.getByte(off + NAME_OFFSET + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(final int hash) {
        return hash ^ (hash >>> 16);
    }

    /** @return whether {@code memberHandle} names an ACTIVE entry of that generation */
    boolean isLive(final long memberHandle) {
        final int slot = MemberHandle.slot(memberHandle);
        if (slot < 0 || slot >= entryCapacity) {
            return false;
        }
        final long control = control(slot);
        return MemberEntryDescriptor.state(control) == ACTIVE
            && MemberEntryDescriptor.generation(control) == MemberHandle.generation(memberHandle);
    }

    /**
     * @return the UITT handle the member published for {@code vector}, or
     *     {@link ProcessGroup#NO_UITT_HANDLE} if the member is gone or does not accept the vector
     */
    long uittHandle(final long memberHandle, final int vector) {
        if (!isLive(memberHandle)) {
            return ProcessGroup.NO_UITT_HANDLE;
        }
        final int slot = MemberHandle.slot(memberHandle);
        for (int i = 0; i < MAX_VECTORS; i++) {
            if (vectorByte(slot, i) == vector + 1) {
                final long handle = buffer.getLongVolatile(offset(slot) + HANDLES_OFFSET + i * Long.BYTES);
                return isLive(memberHandle) ? handle : ProcessGroup.NO_UITT_HANDLE;
            }
        }
        return ProcessGroup.NO_UITT_HANDLE;
    }

    /** Publishes a UITT handle for a vector in the entry; the vector slot byte holds vector + 1. */
    void publishVector(final int slot, final int vector, final long uittHandle) {
        final int off = offset(slot);
        for (int i = 0; i < MAX_VECTORS; i++) {
            final int v = buffer.getByte(off + HANDLE_VECTORS_OFFSET + i);
            if (v == 0 || v == vector + 1) {
                buffer.putLongVolatile(off + HANDLES_OFFSET + i * Long.BYTES, uittHandle);
                buffer.putByteVolatile(off + HANDLE_VECTORS_OFFSET + i, (byte) (vector + 1));
                return;
            }
        }
        throw new IllegalStateException("a member publishes at most " + MAX_VECTORS + " vectors");
    }

    /**
     * Reads the pids that entries record, under the mutation lock (no entry is claimed or freed meanwhile).
     *
     * @return the pid of every entry that is not free
     */
    Set<Long> pidsOfEntries() {
        final Set<Long> pids = new HashSet<>();
        for (int slot = 0; slot < entryCapacity; slot++) {
            if (MemberEntryDescriptor.state(control(slot)) != FREE) {
                pids.add(getLong(slot, PID_OFFSET));
            }
        }
        return pids;
    }

    /** Clears an entry's fields before it is filled. */
    void clearEntry(final int slot) {
        buffer.setMemory(offset(slot) + Long.BYTES, MemberEntryDescriptor.LENGTH - Long.BYTES, (byte) 0);
    }

    void putName(final int slot, final String name, final String role) {
        final int off = offset(slot);
        final byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        final byte[] r = role.getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(off + NAME_OFFSET, n);
        buffer.putInt(off + NAME_LENGTH_OFFSET, n.length);
        buffer.putInt(off + NAME_HASH_OFFSET, name.hashCode());
        buffer.putBytes(off + ROLE_OFFSET, r);
        buffer.putInt(off + ROLE_LENGTH_OFFSET, r.length);
    }

    /** @return the entry's name, bounds-checked */
    String name(final int slot) {
        return ascii(slot, NAME_OFFSET, NAME_LENGTH_OFFSET, MAX_NAME_LENGTH, "name");
    }

    /** @return the entry's role, bounds-checked */
    String role(final int slot) {
        return ascii(slot, ROLE_OFFSET, ROLE_LENGTH_OFFSET, MAX_ROLE_LENGTH, "role");
    }

    private String ascii(final int slot, final int field, final int lengthField, final int max, final String what) {
        final int off = offset(slot);
        final int length = buffer.getInt(off + lengthField);
        if (length < 0 || length > max) {
            throw new TableCorruptException("process table entry " + slot + " has " + what + " length " + length
                + ", outside 0.." + max);
        }
        final byte[] bytes = new byte[length];
        buffer.getBytes(off + field, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Adds the entry to the name index (mutation lock held). */
    void indexInsert(final int slot, final String name) {
        final int mask = indexCapacity - 1;
        int cell = spread(name.hashCode()) & mask;
        for (int probes = 0; probes < indexCapacity; probes++, cell = (cell + 1) & mask) {
            final int off = ProcessTableDescriptor.indexCellOffset(entryCapacity, cell);
            final int value = buffer.getIntVolatile(off);
            if (value == INDEX_EMPTY || value == INDEX_DELETED || !liveSlot(value)) {
                buffer.putIntVolatile(off, slot + 1);
                return;
            }
        }
        throw new TableCorruptException("process table name index is full: " + indexCapacity + " cells");
    }

    /** Removes every index cell that points at {@code slot} (mutation lock held). */
    void indexRemove(final int slot) {
        for (int cell = 0; cell < indexCapacity; cell++) {
            final int off = ProcessTableDescriptor.indexCellOffset(entryCapacity, cell);
            if (buffer.getIntVolatile(off) == slot + 1) {
                buffer.putIntVolatile(off, INDEX_DELETED);
            }
        }
    }

    private boolean liveSlot(final int value) {
        final int slot = value - 1;
        if (slot < 0 || slot >= entryCapacity) {
            return false;
        }
        final int state = MemberEntryDescriptor.state(control(slot));
        return state != FREE;
    }

    /** @return the slot a claim tries first: the one after the last slot claimed */
    int claimHint() {
        return Math.floorMod(buffer.getIntVolatile(ProcessTableDescriptor.ENTRY_HINT_OFFSET), entryCapacity);
    }

    /** @return whether the slot is FREE */
    boolean isFree(final int slot) {
        return MemberEntryDescriptor.state(control(slot)) == FREE;
    }

    /** @return whether the slot was FREE and is now CLAIMING with a new generation */
    boolean claim(final int slot) {
        final long control = control(slot);
        if (MemberEntryDescriptor.state(control) == FREE && casControl(slot, control,
            MemberEntryDescriptor.control(MemberEntryDescriptor.generation(control) + 1, MemberEntryDescriptor.CLAIMING))) {
            buffer.putIntOrdered(ProcessTableDescriptor.ENTRY_HINT_OFFSET, slot + 1);
            return true;
        }
        return false;
    }

    long getLong(final int slot, final int field) {
        return buffer.getLongVolatile(offset(slot) + field);
    }

    int getInt(final int slot, final int field) {
        return buffer.getIntVolatile(offset(slot) + field);
    }

    void putLong(final int slot, final int field, final long value) {
        buffer.putLongVolatile(offset(slot) + field, value);
    }

    void putInt(final int slot, final int field, final int value) {
        buffer.putIntVolatile(offset(slot) + field, value);
    }

    /** @return the published UITT handle of the entry's i-th vector slot, or {@link ProcessGroup#NO_UITT_HANDLE} when unused */
    long handleAt(final int slot, final int i) {
        final int v = vectorByte(slot, i);
        if (v == 0) {
            return ProcessGroup.NO_UITT_HANDLE;
        }
        if (v < 1 || v > Vectors.COUNT) {
            throw new TableCorruptException("process table entry " + slot + " vector slot " + i + " holds " + (v - 1));
        }
        return buffer.getLongVolatile(offset(slot) + HANDLES_OFFSET + i * Long.BYTES);
    }

    /** @return the vector of the entry's i-th vector slot, or -1 when unused */
    int vectorAt(final int slot, final int i) {
        return vectorByte(slot, i) - 1;
    }

    /**
     * Reads the vector byte of an entry's i-th vector slot (vector + 1, 0 when unused) with a
     * volatile load: {@link #publishVector} writes the handle, then this byte, volatile, so a
     * reader that sees the byte and then reads the handle sees that handle or a later one.
     */
    private int vectorByte(final int slot, final int i) {
        return buffer.getByteVolatile(offset(slot) + HANDLE_VECTORS_OFFSET + i);
    }
}
