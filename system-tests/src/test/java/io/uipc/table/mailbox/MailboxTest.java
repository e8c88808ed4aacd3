package io.uipc.table.mailbox;

import io.uipc.core.LayoutVersionException;
import io.uipc.testing.Sample;
import io.uipc.table.GroupSpec;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.OwnThread;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inboxes within one JVM: back-pressure, refusal, a writer that died before stamping its record,
 * a closed owner, corrupt files. Across real JVMs (delivery, dead writers, dead owners):
 * system-tests' CrossProcessMailboxTest.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MailboxTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;
    private ProcessGroup group;

    @BeforeEach
    void createGroup() {
        group = ProcessGroup.create(GroupSpec.named("mail").withRoot(root).withCapacities(64, 256, 1024));
        group.onMemberLost(e -> {
            throw e;
        });
    }

    @AfterEach
    void cleanUp() {
        group.close();
        ProcessGroup.destroy(group.directory(), true);
    }

    /** Joins on a thread of its own: each member's receiver belongs to one thread (one per thread per domain). */
    private Member join(final String name) {
        return OwnThread.call(name, () -> group.join(JoinOptions.named(name).secret(group.readSecret())));
    }

    @Test
    void aFullInboxGivesBackPressureAndOversizedMailIsRefused() {
        final Member owner = join("owner");
        final Member sender = join("sender");
        try (Inbox inbox = Inbox.open(owner, 9, InboxConfig.defaults().withCapacity(1024).withMaxMessageLength(Sample.LENGTH))) {
            final Outbox out = Outbox.connect(sender, "owner");
            final Sample sample = new Sample();
            int sent = 0;
            int result;
            while ((result = out.offer(sample.set(1, sent, 0))) != MailResult.FULL) {
                assertTrue(MailResult.isSent(result), MailResult.describe(result));
                sent++;
            }
            assertEquals(1024 / (Sample.LENGTH + 16), sent, "records of 80 bytes (header, sender, message) fill a 1 KiB ring");
            assertEquals(MailResult.FULL, out.offer(sample.set(1, sent, 0), 20, TimeUnit.MILLISECONDS));
            final IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> out.offer(1, new UnsafeBuffer(new byte[Sample.LENGTH + 1]), 0, Sample.LENGTH + 1));
            assertTrue(tooBig.getMessage().contains("refused"), tooBig.getMessage());

            final MailReader reader = new MailReader();
            final List<Long> got = new ArrayList<>();
            assertEquals(sent, inbox.drain((t, b, o, l) -> got.add(reader.read(b, o, l, new Sample()).sequence())));
            for (int i = 0; i < sent; i++) {
                assertEquals(i, got.get(i));
            }
            assertTrue(MailResult.isSent(out.offer(sample.set(1, sent, 0), 1, TimeUnit.SECONDS)), "room again after draining");
        }
    }

    /**
     * A writer that dies between claiming its record and stamping the record's length leaves the
     * head at 0 with the tail moved on. That window is a few instructions, too short to hit by
     * killing a JVM, so the test makes the claim itself and clears the length. Both a drain-only
     * owner (which reads the tail on every 64th empty drain) and a receiving owner (which reads it
     * before waiting) skip it after the stall timeout and get the mail behind it.
     */
    @Test
    void aWriterThatDiedBeforeStampingItsRecordIsSkippedAfterTheStallTimeout() {
        final Member owner = join("owner");
        final Member sender = join("sender");
        try (Inbox inbox = Inbox.open(owner, 9, InboxConfig.defaults().withStallTimeout(Duration.ofMillis(50)))) {
            final Outbox out = Outbox.connect(sender, "owner");
            final List<Long> got = new ArrayList<>();
            final MailReader reader = new MailReader();
            final org.agrona.concurrent.MessageHandler collect = (t, b, o, l) -> got.add(reader.read(b, o, l, new Sample()).sequence());

            claimUnstamped(out);
            sendSequence(out, 0, 3);
            final long deadline = System.nanoTime() + WAIT.toNanos();
            while (got.size() < 3 && System.nanoTime() < deadline) {
                inbox.drain(collect);
            }
            assertEquals(List.of(0L, 1L, 2L), got, "a drain-only owner skipped the unstamped record");
            assertEquals(1, inbox.unblockedCount());

            claimUnstamped(out);
            sendSequence(out, 3, 3);
            while (got.size() < 6 && System.nanoTime() < deadline) {
                inbox.receive(collect, Integer.MAX_VALUE, 10, TimeUnit.SECONDS);
            }
            assertEquals(2, inbox.unblockedCount());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), got);
        }
    }

    /** A record whose length is corrupt is refused before anything is read by it, or by the records after it. */
    @Test
    void aCorruptRecordLengthIsRefusedBeforeAnyMessageIsRead() {
        final Member owner = join("owner");
        final Member sender = join("sender");
        try (Inbox inbox = Inbox.open(owner, 9)) {
            final Outbox out = Outbox.connect(sender, "owner");
            final AtomicBuffer ring = (AtomicBuffer) out.buffer();
            final int record = Sample.LENGTH + RecordDescriptor.HEADER_LENGTH + InboxDescriptor.SENDER_LENGTH;
            sendSequence(out, 0, 2);
            final List<Integer> got = new ArrayList<>();
            final MessageHandler collect = (t, b, o, l) -> got.add(l);

            ring.putIntVolatile(record, inbox.capacity());
            final InboxLayoutException past = assertThrows(InboxLayoutException.class, () -> inbox.drain(collect));
            assertTrue(past.getMessage().contains("the record at " + record + " claims " + inbox.capacity() + " bytes, past the ring's end"),
                past.getMessage());
            ring.putIntVolatile(record, RecordDescriptor.HEADER_LENGTH + 4);
            final InboxLayoutException tooShort = assertThrows(InboxLayoutException.class, () -> inbox.drain(collect));
            assertTrue(tooShort.getMessage().contains("too short for its header and sender"), tooShort.getMessage());
            assertEquals(List.of(), got, "nothing handed over, not even the intact record before the corrupt one");
        }
    }

    private static void claimUnstamped(final Outbox out) {
        final AtomicBuffer ring = (AtomicBuffer) out.buffer();
        final int message = new ManyToOneRingBuffer(ring).tryClaim(Sample.TYPE, Sample.LENGTH + InboxDescriptor.SENDER_LENGTH);
        assertTrue(message > 0, "claimed");
        ring.putIntVolatile(RecordDescriptor.lengthOffset(message - RecordDescriptor.HEADER_LENGTH), 0);
    }

    private static void sendSequence(final Outbox out, final long first, final int count) {
        final Sample sample = new Sample();
        for (long seq = first; seq < first + count; seq++) {
            assertTrue(MailResult.isSent(out.offer(sample.set(1, seq, 0))));
        }
    }

    @Test
    void aClosedInboxGivesReceiverGone() {
        final Member sender = join("sender");
        final Sample sample = new Sample();
        final Member local = join("local");
        final Inbox inbox = Inbox.open(local, 9);
        final Outbox toLocal = Outbox.connect(sender, "local");
        inbox.close();
        assertEquals(MailResult.RECEIVER_GONE, toLocal.offer(sample.set(1, 0, 0)));
        assertFalse(Files.exists(inbox.path()), "closing deletes the inbox file");
    }

    @Test
    void aCorruptInboxFileIsRefusedClearly() throws IOException {
        final Member owner = join("owner");
        final Member sender = join("sender");
        try (Inbox inbox = Inbox.open(owner, 9)) {
            final Path file = inbox.path();
            final byte[] good = Files.readAllBytes(file);
            assertCorrupt(sender, file, 0, 0x1234L, "magic");
            Files.write(file, good);
            writeInt(file, InboxDescriptor.VERSION_OFFSET, 99);
            final LayoutVersionException version = assertThrows(LayoutVersionException.class, () -> Outbox.connect(sender, "owner"));
            assertEquals("group " + group.name() + ": inbox layout version 99 in " + file + " but this build reads version "
                + InboxDescriptor.LAYOUT_VERSION + ": stop the group's members and re-create it with this build", version.getMessage());
            Files.write(file, good);
            assertCorrupt(sender, file, InboxDescriptor.CAPACITY_OFFSET, 1000, "corrupt header");
            Files.write(file, good);
            assertCorrupt(sender, file, InboxDescriptor.VECTOR_OFFSET, 64, "corrupt header");
            Files.write(file, good);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(good.length - 8);
            }
            final InboxLayoutException truncated = assertThrows(InboxLayoutException.class, () -> Outbox.connect(sender, "owner"));
            assertTrue(truncated.getMessage().contains("wrong size"), truncated.getMessage());
            Files.write(file, good);
            assertTrue(Outbox.connect(sender, "owner").isOwnerLive(), "the restored file attaches");
        }
    }

    private static void writeInt(final Path file, final int offset, final int value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.writeInt(Integer.reverseBytes(value));
        }
    }

    private static void assertCorrupt(final Member sender, final Path file, final int offset, final long value, final String expected)
        throws IOException {
        if (offset == 0) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.seek(offset);
                raf.writeLong(Long.reverseBytes(value));
            }
        } else {
            writeInt(file, offset, (int) value);
        }
        final InboxLayoutException e = assertThrows(InboxLayoutException.class, () -> Outbox.connect(sender, "owner"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
