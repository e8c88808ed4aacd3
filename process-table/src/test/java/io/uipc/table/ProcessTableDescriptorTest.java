package io.uipc.table;

import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.SharedDirectory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process table file made by {@link ProcessTableDescriptor#fill} through
 * {@link SharedDirectory}, as a group's directory creates it, attaches and validates; each
 * damaged header field is a {@link TableCorruptException} naming the file and the field; the
 * slicers and offset functions agree with the diagram.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcessTableDescriptorTest {
    private static final int ENTRIES = 8;
    private static final byte[] SALT = filled(ProcessTableDescriptor.SECRET_SALT_LENGTH, 1);
    private static final byte[] HASH = filled(ProcessTableDescriptor.SECRET_HASH_LENGTH, 2);
    private static final long LENGTH = ProcessTableDescriptor.totalLength(ENTRIES, ProcessTableDescriptor.indexCapacity(ENTRIES));

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void create() throws IOException {
        file = dir.resolve(GroupFileNames.TABLE);
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            shared.create(GroupFileNames.TABLE, LENGTH, FileAccess.of(GroupFiles.filePermissions(java.util.Optional.empty())),
                table -> ProcessTableDescriptor.fill(table, ENTRIES, SALT, HASH, "emulated"));
        }
    }

    @Test
    void aFilledTableAttachesWithItsHeader() throws IOException {
        final UnsafeBuffer table = attach();
        assertEquals(ENTRIES, table.getInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET));
        assertEquals(16, table.getInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET));
        assertEquals(ProcessHandle.current().pid(), table.getLong(ProcessTableDescriptor.CREATOR_PID_OFFSET));
        final byte[] salt = new byte[SALT.length];
        table.getBytes(ProcessTableDescriptor.SECRET_SALT_OFFSET, salt);
        assertArrayEquals(SALT, salt);
        final byte[] backend = new byte[ProcessTableDescriptor.BACKEND_LENGTH];
        table.getBytes(ProcessTableDescriptor.BACKEND_OFFSET, backend);
        assertEquals("emulated", new String(backend, StandardCharsets.US_ASCII).replace("\0", ""));
        assertEquals("emulated", ProcessTableDescriptor.backend(table), "read without its NUL padding");
        assertEquals(MemberHandle.NULL, new ProcessTable(table).lookup("nobody"), "a fresh table has no members");
    }

    @Test
    void slicersAndOffsetsAgreeWithTheDiagram() throws IOException {
        final UnsafeBuffer table = attach();
        final UnsafeBuffer entries = ProcessTableDescriptor.entries(table);
        final UnsafeBuffer index = ProcessTableDescriptor.nameIndex(table);
        assertEquals(ProcessTableDescriptor.HEADER_LENGTH, ProcessTableDescriptor.header(table).capacity());
        assertEquals(ENTRIES * MemberEntryDescriptor.LENGTH, entries.capacity());
        assertEquals(16 * Integer.BYTES, index.capacity());
        assertEquals(table.addressOffset() + ProcessTableDescriptor.entryOffset(3), entries.addressOffset() + MemberEntryDescriptor.offset(3));
        assertEquals(192 + 3 * 320, ProcessTableDescriptor.entryOffset(3));
        assertEquals(table.addressOffset() + ProcessTableDescriptor.indexCellOffset(ENTRIES, 5), index.addressOffset() + 5 * Integer.BYTES);
        assertEquals(LENGTH, ProcessTableDescriptor.indexCellOffset(ENTRIES, 16), "the index ends the file");
    }

    @Test
    void damagedHeaderFieldsAreNamed() throws IOException {
        assertDamage(ProcessTableDescriptor.MAGIC_OFFSET, 0x1122_3344_5566_7788L,
            file + " is not a uipc process table: magic 0x1122334455667788, expected 0x5549504350544231");
        assertDamage(ProcessTableDescriptor.HEADER_LENGTH_OFFSET, 64,
            "process table " + file + " has a corrupt header: header length 64, 8 entries, 16 index cells");
        assertDamage(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET, 0,
            "process table " + file + " has a corrupt header: header length 192, 0 entries, 16 index cells");
        assertDamage(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET, 17,
            "process table " + file + " has a corrupt header: header length 192, 8 entries, 17 index cells");
        assertDamage(ProcessTableDescriptor.TOTAL_LENGTH_OFFSET, LENGTH + 4,
            "process table " + file + " has the wrong size: file " + LENGTH + " bytes, header says " + (LENGTH + 4)
                + ", capacities imply " + LENGTH);
    }

    @Test
    void aTruncatedFileIsRefusedBeforeItIsMapped() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(20);
        }
        final TableCorruptException e = assertThrows(TableCorruptException.class, this::attach);
        assertEquals("process table " + file + " is truncated: 20 bytes, smaller than the 192-byte header", e.getMessage());
    }

    @Test
    void fillRefusesFieldsThatDoNotFit() {
        final UnsafeBuffer table = new UnsafeBuffer(ByteBuffer.allocateDirect((int) LENGTH));
        assertThrows(IllegalArgumentException.class, () -> ProcessTableDescriptor.fill(table, ENTRIES, new byte[3], HASH, "emulated"));
        assertThrows(IllegalArgumentException.class, () -> ProcessTableDescriptor.fill(table, ENTRIES, SALT, HASH, "a-backend-name-too-long"));
        assertEquals(0, table.getLong(ProcessTableDescriptor.MAGIC_OFFSET), "nothing was published");
    }

    private UnsafeBuffer attach() throws IOException {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            return new UnsafeBuffer(shared.attach(GroupFileNames.TABLE, ProcessTableDescriptor.FORMAT, ProcessTableDescriptor::validate));
        }
    }

    private void assertDamage(final int offset, final long value, final String message) throws IOException {
        final UnsafeBuffer table = attach();
        final byte[] good = new byte[ProcessTableDescriptor.HEADER_LENGTH];
        table.getBytes(0, good);
        final boolean isLong = offset == ProcessTableDescriptor.MAGIC_OFFSET || offset == ProcessTableDescriptor.TOTAL_LENGTH_OFFSET;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            final ByteBuffer bytes = ByteBuffer.allocate(isLong ? Long.BYTES : Integer.BYTES).order(ByteOrder.nativeOrder());
            ch.write(isLong ? bytes.putLong(0, value) : bytes.putInt(0, (int) value), offset);
        }
        final TableCorruptException e = assertThrows(TableCorruptException.class, this::attach);
        assertEquals(message, e.getMessage());
        table.putBytes(0, good);
        assertTrue(attach().getLong(ProcessTableDescriptor.MAGIC_OFFSET) == ProcessTableDescriptor.MAGIC, "restored");
    }

    private static byte[] filled(final int length, final int value) {
        final byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
