package io.uipc.core.emulated;

import io.uipc.core.DomainConfig;
import io.uipc.core.DomainLayoutException;
import io.uipc.core.InterruptDomain;
import io.uipc.core.LayoutVersionException;
import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.core.UittHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.uipc.core.emulated.DomainHeaderDescriptor.HEADER_LENGTH;
import static io.uipc.core.emulated.DomainHeaderDescriptor.HEADER_LENGTH_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.MAGIC_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.TOTAL_LENGTH_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.UPID_CAPACITY_OFFSET;
import static io.uipc.core.emulated.DomainHeaderDescriptor.VERSION_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attaching validates the segment: a file of the wrong magic, version or size, a truncated
 * or missing one is a {@link DomainLayoutException} naming the file and what was found. And a
 * corrupt UITT entry read from shared memory is a send result, never a crash or a hang.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SegmentValidationTest {
    private static final int UPIDS = 4;
    private static final int UITT = 8;
    private static final long LENGTH = DomainHeaderDescriptor.totalLength(UPIDS, UITT);

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void createValidDomain() {
        file = dir.resolve("domain");
        EmulatedDomain.create(DomainConfig.of(file).withCapacities(UPIDS, UITT)).close();
    }

    @Test
    void validSegmentAttaches() {
        final InterruptDomain d = EmulatedDomain.attach(file);
        assertEquals(UPIDS, d.upidCapacity());
        assertEquals(ProcessHandle.current().pid(), d.creatorPid());
        d.close();
    }

    @Test
    void wrongMagicIsNotADomain() throws IOException {
        putLong(MAGIC_OFFSET, 0x1234_5678L);
        assertAttachFails(file + " is not a uipc interrupt domain: magic 0x0000000012345678, expected 0x55495043444f4d31");
    }

    @Test
    void fileOfOtherDataIsNotADomain() throws IOException {
        Files.write(file, "#!/bin/sh\necho this is no interrupt domain\n".repeat(64).getBytes());
        assertAttachFails(file + " is not a uipc interrupt domain: magic 0x");
    }

    @Test
    void wrongVersionIsRefused() throws IOException {
        putInt(VERSION_OFFSET, 99);
        final LayoutVersionException e = assertThrows(LayoutVersionException.class, () -> EmulatedDomain.attach(file));
        assertEquals("domain layout version 99 in " + file + " but this build reads version " + DomainHeaderDescriptor.LAYOUT_VERSION
            + ": re-create it with this build", e.getMessage());
        assertEquals(99, e.found());
        assertEquals(DomainHeaderDescriptor.LAYOUT_VERSION, e.reads());
    }

    @Test
    void wrongHeaderLengthIsRefused() throws IOException {
        putInt(HEADER_LENGTH_OFFSET, 64);
        assertAttachFails("interrupt domain " + file + " has header length 64, expected 128");
    }

    @Test
    void capacitiesOutOfRangeAreRefused() throws IOException {
        putInt(UPID_CAPACITY_OFFSET, -5);
        assertAttachFails("interrupt domain " + file + " has capacities out of range: -5 UPIDs, 8 UITT entries");
    }

    @Test
    void fileLargerThanItsHeaderSaysIsRefused() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(4096));
        }
        assertAttachFails("interrupt domain " + file + " has the wrong size: file " + (LENGTH + 4096)
            + " bytes, header says " + LENGTH + ", capacities imply " + LENGTH);
    }

    @Test
    void recordedLengthThatDisagreesIsRefused() throws IOException {
        putLong(TOTAL_LENGTH_OFFSET, LENGTH * 2);
        assertAttachFails("has the wrong size: file " + LENGTH + " bytes, header says " + (LENGTH * 2));
    }

    @Test
    void fileTruncatedInsideTheTablesIsRefused() throws IOException {
        truncate(LENGTH / 2);
        assertAttachFails("has the wrong size: file " + LENGTH / 2 + " bytes, header says " + LENGTH);
    }

    @Test
    void fileTruncatedInsideTheHeaderIsRefused() throws IOException {
        truncate(HEADER_LENGTH - 1);
        assertAttachFails("interrupt domain " + file + " is truncated: 127 bytes, smaller than the 128-byte header");
        truncate(0);
        assertAttachFails("interrupt domain " + file + " is truncated: 0 bytes");
    }

    @Test
    void missingFileIsReported() {
        final Path missing = dir.resolve("never-created");
        final DomainLayoutException e = assertThrows(DomainLayoutException.class, () -> EmulatedDomain.attach(missing));
        assertEquals("no interrupt domain at " + missing + " (deleted, or never created)", e.getMessage());
    }

    @Test
    void aLinkIsNotFollowed() throws IOException {
        final Path link = dir.resolve("link");
        Files.createSymbolicLink(link, file);
        final DomainLayoutException e = assertThrows(DomainLayoutException.class, () -> EmulatedDomain.attach(link));
        assertEquals("interrupt domain " + link + " is not a regular file but a symbolic link: refused", e.getMessage());
    }

    @Test
    void anExistingDomainIsNeverReplaced() throws IOException {
        final UipcException e = assertThrows(UipcException.class,
            () -> EmulatedDomain.create(DomainConfig.of(file).withCapacities(UPIDS * 2, UITT)));
        assertEquals("interrupt domain " + file + " already exists", e.getMessage());
        assertEquals(PosixFilePermissions.toString(DomainConfig.OWNER_ONLY),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (InterruptDomain d = EmulatedDomain.attach(file)) {
            assertEquals(UPIDS, d.upidCapacity());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.collect(Collectors.toList()), "no temporary file is left");
        }
    }

    @Test
    void corruptUittEntriesFailTheSend() throws IOException {
        final InterruptDomain d = EmulatedDomain.attach(file);
        final Receiver receiver = d.registerReceiver();
        final long handle = receiver.registerVector(3);
        final int index = UittHandle.index(handle);
        final int generation = UittHandle.generation(handle);
        final long[][] corruptions = {
            {UittDescriptor.control(generation, 200, UittDescriptor.VALID), UittDescriptor.target(receiver.upidIndex(), receiver.upidGeneration())},
            {UittDescriptor.control(generation, 3, UittDescriptor.VALID), UittDescriptor.target(UPIDS, receiver.upidGeneration())},
            {UittDescriptor.control(generation, 3, UittDescriptor.VALID), UittDescriptor.target(-1, receiver.upidGeneration())},
            {UittDescriptor.control(generation, 3, 0x7F), UittDescriptor.target(receiver.upidIndex(), receiver.upidGeneration())},
            // reserved bits set: SENDUIPI faults (#GP) on them, however valid the rest is
            {UittDescriptor.control(generation, 3, UittDescriptor.VALID) | 1L << 16, UittDescriptor.target(receiver.upidIndex(), receiver.upidGeneration())},
            {UittDescriptor.control(generation, 3, UittDescriptor.VALID) | 1L << 31, UittDescriptor.target(receiver.upidIndex(), receiver.upidGeneration())},
            {UittDescriptor.control(generation, 3, UittDescriptor.FREE) | UittDescriptor.RESERVED_MASK, UittDescriptor.target(receiver.upidIndex(), receiver.upidGeneration())},
        };
        for (final long[] entry : corruptions) {
            writeUittEntry(index, entry[0], entry[1]);
            assertEquals(SendResult.CORRUPT_ENTRY, d.send(handle));
            assertEquals(SendResult.CORRUPT_ENTRY, d.sendIndex(index));
        }
        writeUittEntry(index, UittDescriptor.control(generation, 3, UittDescriptor.VALID),
            UittDescriptor.target(receiver.upidIndex(), receiver.upidGeneration() + 2));
        assertEquals(SendResult.RECEIVER_GONE, d.send(handle), "an entry naming another generation of the UPID");
        assertEquals(0, receiver.postedCount());
        assertEquals(0L, receiver.poll());
        writeUittEntry(index, UittDescriptor.control(generation, 3, UittDescriptor.VALID),
            UittDescriptor.target(receiver.upidIndex(), receiver.upidGeneration()));
        assertEquals(SendResult.NOTIFIED, d.send(handle), "the same entry with its reserved bits clear");
        assertEquals(1L << 3, receiver.poll());
        receiver.close();
        d.close();
    }

    private void assertAttachFails(final String expectedMessagePart) {
        final DomainLayoutException e = assertThrows(DomainLayoutException.class, () -> EmulatedDomain.attach(file));
        assertTrue(e.getMessage().contains(expectedMessagePart), "message: " + e.getMessage());
    }

    /** Overwrites a shared UITT entry, as a faulty or hostile process would: the domain attached here maps the same pages. */
    private void writeUittEntry(final int index, final long control, final long target) throws IOException {
        final int entry = (int) (DomainHeaderDescriptor.uittOffset(UPIDS) + (long) index * UittDescriptor.LENGTH);
        putLong(entry + UittDescriptor.TARGET_OFFSET, target);
        putLong(entry + UittDescriptor.CONTROL_OFFSET, control);
    }

    private void putInt(final int offset, final int value) throws IOException {
        write(offset, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, value));
    }

    private void putLong(final int offset, final long value) throws IOException {
        write(offset, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, value));
    }

    private void write(final int offset, final ByteBuffer bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(bytes, offset);
        }
    }

    private void truncate(final long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }
}
