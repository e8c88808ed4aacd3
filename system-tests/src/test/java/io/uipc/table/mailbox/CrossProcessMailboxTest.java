package io.uipc.table.mailbox;

import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.Sample;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import io.uipc.testing.OwnThread;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inboxes across real JVMs ({@link MailboxMember}s started the launcher's way): delivery from
 * two sender JVMs to a blocked receiver JVM, a writer JVM that dies holding a claim, an owner
 * JVM that dies. Within one JVM: process-table's MailboxTest.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrossProcessMailboxTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TempGroups groups;
    private ProcessGroup group;
    private final List<JvmProcess> children = new ArrayList<>();

    @BeforeEach
    void createGroup() {
        groups = new TempGroups();
        group = groups.create("mail");
        group.onMemberLost(e -> {
            throw e;
        });
    }

    @AfterEach
    void cleanUp() {
        children.forEach(JvmProcess::close);
        group.close();
        groups.close();
    }

    private JvmProcess child(final String name) {
        final JvmProcess c = JvmProcess.builder(name, MailboxMember.class)
            .environment(TempGroups.memberEnvironment(group, name, "test")).start();
        children.add(c);
        return c;
    }

    /** Joins on a thread of its own: each member's receiver belongs to one thread (one per thread per domain). */
    private Member join(final String name) {
        return OwnThread.call(name, () -> group.join(JoinOptions.named(name).secret(group.readSecret())));
    }

    @Test
    void twoSenderJvmsDeliverEveryMessageInOrderToABlockedReceiverJvm() {
        final int perSender = 20_000;
        final JvmProcess receiver = child("rx");
        receiver.call("open block 1000");
        receiver.send("receive " + 2 * perSender);
        final JvmProcess a = child("tx-a");
        final JvmProcess b = child("tx-b");
        a.send("send rx " + perSender + " 1");
        b.send("send rx " + perSender + " 2");
        assertTrue(a.reply("send").startsWith("sent=" + perSender + " "));
        assertTrue(b.reply("send").startsWith("sent=" + perSender + " "));
        final String line = receiver.expect("receive", WAIT);
        assertTrue(line.contains("total=" + 2 * perSender + " errors=0 senders=2"), line);
        final long wakeups = Long.parseLong(line.replaceAll(".*wakeups=(\\d+).*", "$1"));
        assertTrue(wakeups > 0, "the blocked receiver was woken by doorbells: " + line);
        receiver.call("leave");
    }

    @Test
    void aSlowWriterIsWaitedForAndAWriterKilledMidWriteIsSkippedOnceReaped() {
        final Member owner = join("owner");
        try (Inbox inbox = Inbox.open(owner, 9, InboxConfig.defaults().withStallTimeout(Duration.ofMillis(100)))) {
            final JvmProcess writer = child("writer");
            writer.call("claim owner");
            final JvmProcess sender = child("tx");
            sender.send("send owner 100 3");
            final long senderHandle = Long.parseLong(sender.reply("send").replaceAll(".*handle=", ""));
            final MailReader reader = new MailReader();
            final List<Long> got = new ArrayList<>();
            final List<Long> senders = new ArrayList<>();
            final MessageHandler collect = (t, buffer, o, l) -> {
                got.add(reader.read(buffer, o, l, new Sample()).sequence());
                senders.add(inbox.sender());
            };
            assertEquals(0, inbox.receive(collect, Integer.MAX_VALUE, 1, TimeUnit.SECONDS),
                "mail waits behind the live writer's record, even past the stall timeout");
            assertEquals(0, inbox.unblockedCount());

            writer.kill();
            while (got.size() < 100) {
                inbox.receive(collect, Integer.MAX_VALUE, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            }
            assertEquals(1, inbox.unblockedCount(), "the dead writer's record was skipped once the reaper reclaimed it");
            for (int i = 0; i < 100; i++) {
                assertEquals(i, got.get(i));
            }
            assertTrue(senders.stream().allMatch(h -> h == senderHandle), "each message names its sender");
        }
    }

    @Test
    void aDeadOwnerGivesReceiverGone() {
        final Member sender = join("sender");
        final JvmProcess owner = child("rx");
        owner.call("open block 1000");
        owner.send("receive 1000000");
        final Outbox out = Outbox.connect(sender, "rx");
        final Sample sample = new Sample();
        assertTrue(MailResult.isSent(out.offer(sample.set(1, 0, 0))));
        owner.kill();
        group.reap();
        assertEquals(MailResult.RECEIVER_GONE, out.offer(sample.set(1, 1, 0)));
        assertFalse(out.isOwnerLive());
    }
}
