package io.uipc.table;

import io.uipc.core.SendResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member counts its sends that failed apart from those that posted: a send to a member that
 * left, a send by name to no such member or to a vector the member does not accept. Its heartbeat
 * publishes both counts to its entry, where {@code uipc ps}, {@code top} and {@code metrics} read them.
 */
class SendCountsTest extends OneGroupTest {
    SendCountsTest() {
        super("counts", 8, 8, 32);
    }

    @Test
    void failedSendsAreCountedApartAndPublishedByTheHeartbeat() {
        try (Member self = group.join(JoinOptions.named("self").secret(secret))) {
            self.accept(3);
            final Target gone;
            try (Member peer = joinOnOwnThread(JoinOptions.named("peer").secret(secret))) {
                peer.accept(5);
                gone = group.resolve("peer", 5);
            }
            assertTrue(self.sendTo("self", 3) >= 0);
            assertTrue(self.send(gone) < 0, "peer left");
            assertEquals(SendResult.INVALID_ENTRY, self.sendTo("nobody", 3));
            assertEquals(SendResult.INVALID_ENTRY, self.sendTo("peer", 5));
            assertEquals(SendResult.INVALID_ENTRY, self.sendTo("self", 9), "self does not accept 9");
            assertEquals(1, self.sentCount());
            assertEquals(4, self.failedCount());

            self.heartbeat();
            final MemberInfo entry = group.members().stream().filter(m -> m.name().equals("self")).findFirst().orElseThrow();
            assertEquals(1, entry.sent());
            assertEquals(4, entry.failed());
        }
    }
}
