package io.uipc.table;

import io.uipc.core.DomainLayoutException;
import io.uipc.core.LayoutVersionException;
import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.core.UittHandle;
import org.agrona.concurrent.AtomicBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corrupted table bytes give a clear {@link TableCorruptException} (or another
 * {@link UipcException}) naming what is wrong: never a JVM crash, a hang, or a send that lands
 * somewhere it should not. Header damage is caught when attaching; entry and index damage when
 * the bytes are read.
 */
@Timeout(30)
class CorruptTableTest extends OneGroupTest {
    private final BlockingQueue<MemberReclaimedException> lost = new LinkedBlockingQueue<>();
    private Path tableFile;

    CorruptTableTest() {
        super("corrupt", 8, 8, 64);
    }

    @BeforeEach
    void watch() {
        tableFile = group.directory().resolve(GroupFileNames.TABLE);
        group.onMemberLost(lost::add);
    }

    private void patchLong(final long offset, final long value) throws IOException {
        patch(offset, ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder()).putLong(0, value));
    }

    private void patchInt(final long offset, final int value) throws IOException {
        patch(offset, ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(0, value));
    }

    private void patch(final long offset, final ByteBuffer bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(tableFile, StandardOpenOption.WRITE)) {
            ch.write(bytes, offset);
        }
    }

    private TableCorruptException attachFails() {
        return assertThrows(TableCorruptException.class, () -> ProcessGroup.attach(group.directory()).close());
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        patchLong(ProcessTableDescriptor.MAGIC_OFFSET, 0x1122334455667788L);
        final TableCorruptException e = attachFails();
        assertTrue(e.getMessage().contains("is not a uipc process table: magic 0x1122334455667788"), e.getMessage());
    }

    @Test
    void wrongVersionIsRefused() throws IOException {
        patchInt(ProcessTableDescriptor.VERSION_OFFSET, 99);
        final LayoutVersionException e = assertThrows(LayoutVersionException.class, () -> ProcessGroup.attach(group.directory()).close());
        assertEquals("group " + group.name() + ": process table layout version 99 in " + group.directory().resolve("table")
            + " but this build reads version " + ProcessTableDescriptor.LAYOUT_VERSION
            + ": stop the group's members and re-create it with this build", e.getMessage());
    }

    @Test
    void wrongHeaderFieldsAreRefused() throws IOException {
        patchInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET, 1 << 30);
        assertTrue(attachFails().getMessage().contains("corrupt header"));
        patchInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET, 8);
        patchInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET, 7);
        assertTrue(attachFails().getMessage().contains("corrupt header"));
        patchInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET, ProcessTableDescriptor.indexCapacity(8));
        patchLong(ProcessTableDescriptor.TOTAL_LENGTH_OFFSET, 1L << 40);
        assertTrue(attachFails().getMessage().contains("has the wrong size"));
    }

    @Test
    void truncatedOrExtendedFileIsRefused() throws IOException {
        final long size = ProcessTableDescriptor.totalLength(8, ProcessTableDescriptor.indexCapacity(8));
        try (FileChannel ch = FileChannel.open(tableFile, StandardOpenOption.WRITE)) {
            ch.truncate(size - 4);
        }
        assertTrue(attachFails().getMessage().contains("has the wrong size: file " + (size - 4) + " bytes"));
        try (FileChannel ch = FileChannel.open(tableFile, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8), size - 4);
        }
        assertTrue(attachFails().getMessage().contains("has the wrong size: file " + (size + 4) + " bytes"));
        try (FileChannel ch = FileChannel.open(tableFile, StandardOpenOption.WRITE)) {
            ch.truncate(20);
        }
        assertEquals("process table " + tableFile + " is truncated: 20 bytes, smaller than the 192-byte header",
            attachFails().getMessage());
    }

    @Test
    void corruptBackendNameOrDomainIsRefused() throws IOException {
        patch(ProcessTableDescriptor.BACKEND_OFFSET, ByteBuffer.wrap("bogus".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        final UipcException backend = assertThrows(UipcException.class, () -> ProcessGroup.attach(group.directory()).close());
        assertTrue(backend.getMessage().contains("unknown backend"), backend.getMessage());
        patch(ProcessTableDescriptor.BACKEND_OFFSET, ByteBuffer.wrap(new byte[] {'e', 'm', 'u', 'l', 'a', 't', 'e', 'd', 0, 0}));
        ProcessGroup.attach(group.directory()).close();
        try (FileChannel ch = FileChannel.open(group.directory().resolve(GroupFileNames.DOMAIN), StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        assertThrows(DomainLayoutException.class, () -> ProcessGroup.attach(group.directory()).close());
    }

    @Test
    void nameIndexCellOutOfRangeIsReportedByLookup() {
        final Member m = group.join(JoinOptions.named("lgwr").secret(secret));
        final AtomicBuffer buffer = group.table().buffer();
        final int cell = indexCellOf(buffer, m.slot());
        buffer.putIntVolatile(cell, 8 + 1 + 1000);
        final TableCorruptException high = assertThrows(TableCorruptException.class, () -> group.lookup("lgwr"));
        assertTrue(high.getMessage().contains("name index cell") && high.getMessage().contains("holds slot 1008, outside 0..7"),
            high.getMessage());
        buffer.putIntVolatile(cell, -5);
        final TableCorruptException negative = assertThrows(TableCorruptException.class, () -> group.lookup("lgwr"));
        assertTrue(negative.getMessage().contains("holds slot -6"), negative.getMessage());
        buffer.putIntVolatile(cell, m.slot() + 1);
        assertEquals(m.handle(), group.lookup("lgwr"), "repaired, the index works again");
    }

    @Test
    void indexFullOfTombstonesEndsTheProbeInsteadOfSpinning() {
        final AtomicBuffer buffer = group.table().buffer();
        final int cells = ProcessTableDescriptor.indexCapacity(8);
        final long base = ProcessTableDescriptor.indexOffset(8);
        for (int i = 0; i < cells; i++) {
            buffer.putIntVolatile((int) base + i * Integer.BYTES, ProcessTableDescriptor.INDEX_DELETED);
        }
        assertEquals(MemberHandle.NULL, group.lookup("anyone"));
        final Member m = group.join(JoinOptions.named("anyone").secret(secret));
        assertEquals(m.handle(), group.lookup("anyone"), "a join reuses a tombstone");
    }

    @Test
    void nameLengthOutOfRangeIsReportedBySnapshotsAndNeverMatches() {
        final Member m = group.join(JoinOptions.named("dbw0").secret(secret));
        final int off = group.table().offset(m.slot());
        group.table().buffer().putIntVolatile(off + MemberEntryDescriptor.NAME_LENGTH_OFFSET, 100_000);
        final TableCorruptException e = assertThrows(TableCorruptException.class, group::members);
        assertTrue(e.getMessage().contains("entry " + m.slot() + " has name length 100000, outside 0..64"), e.getMessage());
        assertEquals(MemberHandle.NULL, group.lookup("dbw0"), "a corrupt length never matches a name");
        group.table().buffer().putIntVolatile(off + MemberEntryDescriptor.NAME_LENGTH_OFFSET, -1);
        assertThrows(TableCorruptException.class, group::members);
        assertThrows(TableCorruptException.class, group::liveMemberNames);
    }

    @Test
    void vectorByteOutOfRangeIsReported() {
        final Member m = group.join(JoinOptions.named("ckpt").secret(secret));
        m.accept(3);
        final int off = group.table().offset(m.slot());
        group.table().buffer().putByteVolatile(off + MemberEntryDescriptor.HANDLE_VECTORS_OFFSET, (byte) 100);
        final TableCorruptException e = assertThrows(TableCorruptException.class, group::members);
        assertTrue(e.getMessage().contains("entry " + m.slot() + " vector slot 0 holds 99"), e.getMessage());
        group.table().buffer().putByteVolatile(off + MemberEntryDescriptor.HANDLE_VECTORS_OFFSET, (byte) -3);
        assertThrows(TableCorruptException.class, group::members);
        assertEquals(ProcessGroup.NO_UITT_HANDLE, group.uittHandle(m.handle(), 3), "the corrupt vector slot resolves to nothing");
    }

    @Test
    void publishedUittHandleOutOfRangeFailsTheSendCleanly() {
        final Member receiver = group.join(JoinOptions.named("pmon").secret(secret));
        receiver.accept(7);
        final int off = group.table().offset(receiver.slot());
        group.table().buffer().putLongVolatile(off + MemberEntryDescriptor.HANDLES_OFFSET, UittHandle.of(1 << 30, 0));
        final Member sender = joinOnOwnThread(JoinOptions.named("fg").secret(secret));
        assertEquals(SendResult.INVALID_INDEX, sender.sendTo("pmon", 7));
        group.table().buffer().putLongVolatile(off + MemberEntryDescriptor.HANDLES_OFFSET, UittHandle.of(-2, 0));
        assertEquals(SendResult.INVALID_INDEX, group.resolve("pmon", 7).send());
        assertEquals(0, receiver.receiver().poll());
    }

    @Test
    void stateByteOutOfRangeIsShownNotResolvedAndItsOwnerFailsLoudly() throws InterruptedException {
        final Member m = group.join(JoinOptions.named("smon").secret(secret));
        final long handle = m.handle();
        group.table().putControl(m.slot(), MemberEntryDescriptor.control(m.generation(), 77));
        assertEquals("corrupt(77)", group.members().get(0).stateLabel());
        assertEquals(MemberHandle.NULL, group.lookup("smon"));
        assertFalse(group.isLive(handle));
        assertEquals(0, group.reap(), "its owner holds its liveness lock: not reaped");
        final MemberReclaimedException e = lost.poll(10, TimeUnit.SECONDS);
        assertTrue(e != null && e.getMessage().contains("member 'smon'") && e.getMessage().contains("now corrupt(77)"),
            "the owner's monitor noticed at its next heartbeat: " + e);
        assertTrue(m.isLost());
        assertThrows(MemberReclaimedException.class, () -> m.accept(1));
    }

    /** @return the offset of the name index cell that points at {@code slot} */
    private static int indexCellOf(final AtomicBuffer buffer, final int slot) {
        final int cells = ProcessTableDescriptor.indexCapacity(8);
        final long base = ProcessTableDescriptor.indexOffset(8);
        for (int i = 0; i < cells; i++) {
            final int off = (int) base + i * Integer.BYTES;
            if (buffer.getIntVolatile(off) == slot + 1) {
                return off;
            }
        }
        throw new AssertionError("no index cell points at slot " + slot);
    }
}
