package io.uipc.table.mailbox;

import io.uipc.table.GroupFileNames;
import io.uipc.table.GroupSpec;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.OwnThread;
import io.uipc.testing.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tools' count of unread inbox records ({@code uipc ps}, {@code top}, {@code metrics}): exact
 * for a real inbox, and {@link InboxDepth#NONE}, at once, for what a hostile member can put in an
 * inbox's place: a FIFO (which would block an open for reading) or a link to another inbox.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InboxDepthTest {
    @TempDir
    Path root;
    private ProcessGroup group;

    @BeforeEach
    void createGroup() {
        group = ProcessGroup.create(GroupSpec.named("depth").withRoot(root).withCapacities(64, 256, 1024));
    }

    @AfterEach
    void cleanUp() {
        group.close();
        ProcessGroup.destroy(group.directory(), true);
    }

    private Member join(final String name) {
        return OwnThread.call(name, () -> group.join(JoinOptions.named(name).secret(group.readSecret())));
    }

    private MemberInfo entry(final String name) {
        return group.members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void countsUnreadRecordsAndNoneWithoutAnInbox() {
        final Member owner = join("owner");
        final Member sender = join("sender");
        final Inbox inbox = Inbox.open(owner, 9, InboxConfig.defaults().withCapacity(4096).withMaxMessageLength(Sample.LENGTH));
        try {
            assertEquals(0, InboxDepth.records(group, entry("owner")));
            final Outbox out = Outbox.connect(sender, "owner");
            final Sample sample = new Sample();
            for (int i = 0; i < 3; i++) {
                assertTrue(MailResult.isSent(out.offer(sample.set(1, i, 0))));
            }
            assertEquals(3, InboxDepth.records(group, entry("owner")));
            assertEquals(InboxDepth.NONE, InboxDepth.records(group, entry("sender")), "the sender has no inbox");
        } finally {
            inbox.close();
        }
        assertEquals(InboxDepth.NONE, InboxDepth.records(group, entry("owner")), "a closed inbox has no depth");
    }

    @Test
    void aFifoOrALinkInAnInboxsPlaceIsNoneAndNeverBlocks() throws IOException, InterruptedException {
        final Member owner = join("owner");
        join("fifo");
        join("link");
        final Inbox inbox = Inbox.open(owner, 9, InboxConfig.defaults());
        try {
            final Path fifo = group.directory().resolve(GroupFileNames.inbox("fifo"));
            final Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertEquals(0, mkfifo.waitFor());
            Files.createSymbolicLink(group.directory().resolve(GroupFileNames.inbox("link")),
                group.directory().resolve(GroupFileNames.inbox("owner")));
            assertEquals(InboxDepth.NONE, InboxDepth.records(group, entry("fifo")));
            assertEquals(InboxDepth.NONE, InboxDepth.records(group, entry("link")));
            assertEquals(0, InboxDepth.records(group, entry("owner")));
        } finally {
            inbox.close();
        }
    }
}
