package io.uipc.core.crossprocess;

import io.uipc.core.Grant;
import io.uipc.core.InterruptDomain;
import io.uipc.core.ReceiverClosedException;
import io.uipc.core.SendResult;
import io.uipc.core.UittHandle;
import io.uipc.core.WaitPolicy;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import io.uipc.testing.raw.DomainSegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.uipc.core.crossprocess.SendCodes.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spirit of the kernel RFC's own UINTR selftests, across processes: register and unregister
 * errors, invalid vectors, forged and stale grants, sends after unregister, blocking waits in
 * both directions, and context switches under load. Two child JVMs, A and B, each a receiver
 * and a sender ({@link ReceiverProcess}), serve every case; the test JVM sends too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RfcSelftestsTest {
    private static final long AWAIT_MILLIS = 30_000;
    private static final int LOAD_THREADS = 4;
    private static final int LOAD_ROUNDS = 2_000;

    private TempGroups groups;
    private InterruptDomain domain;
    private RemoteReceiver a;
    private RemoteReceiver b;

    @BeforeAll
    void startJvms() {
        groups = new TempGroups();
        domain = groups.createDomain(4 + LOAD_THREADS, 64);
        a = RemoteReceiver.start("a", domain);
        b = RemoteReceiver.start("b", domain);
    }

    @AfterEach
    void resetReceivers() {
        a.reset();
        b.reset();
    }

    @AfterAll
    void stopJvms() {
        try {
            a.close();
            b.close();
        } finally {
            domain.close();
            groups.close();
        }
    }

    @Test
    void registerAndUnregisterErrors() {
        a.open(WaitPolicy.BLOCK);
        assertRefused(a.refusal("open BLOCK"), "IllegalStateException", "already has receiver UPID " + a.upid(), "EBUSY");
        final long own = a.register(5);
        b.open(WaitPolicy.BLOCK);
        final long theirs = b.register(5);
        assertRefused(a.refusal("unregister " + theirs), "IllegalArgumentException",
            "UITT entry " + UittHandle.toString(theirs) + " belongs to receiver UPID " + b.upid(), "");
        assertCode(SendResult.NOTIFIED, domain.send(theirs));
        assertEquals(1L << 5, b.poll(), "B's entry survived A's attempt");
        assertTrue(a.unregister(own));
        assertFalse(a.unregister(own), "unregistered already");

        final String first = a.upid() + "@" + a.generation();
        a.closeReceiver();
        assertRefused(a.refusal("close"), "IllegalStateException", "it was closed already", "unregister without a handler");
        assertClosed(a);
        a.open(WaitPolicy.BLOCK);
        assertNotEquals(first, a.upid() + "@" + a.generation(), "a thread may register again once it closed its receiver");
    }

    @Test
    void invalidVectorsAndForgedStaleOrDuplicateGrants() {
        a.open(WaitPolicy.BLOCK);
        b.open(WaitPolicy.BLOCK);
        for (final String command : new String[] {"register 64", "register -1", "grant 64", "mask 64"}) {
            assertRefused(a.refusal(command), "IllegalArgumentException", "is out of range: user vectors are 0..63", "");
        }
        assertRefused(b.refusal("registergrant " + new Grant(a.upid(), a.generation() + 1, 5).encode()), "IllegalArgumentException",
            "was never claimed with that generation", "EBADF");
        assertRefused(b.refusal("registergrant " + new Grant(a.upid(), a.generation() + 2, 5).encode()), "IllegalArgumentException",
            "UPID " + a.upid() + "@" + (a.generation() + 2) + " was never claimed", "EBADF");

        final Grant grant = a.grant(7);
        assertRefused(a.refusal("grant 7"), "IllegalStateException", "was already minted", "EBUSY");
        final int index = b.registerGrant(grant);
        assertRefused(b.refusal("registergrant " + grant.encode()), "IllegalStateException",
            "registered already, at private UITT index " + index, "EISCONN");
        assertTrue(a.releaseGrant(7));
        assertEquals(grant, a.grant(7), "a released vector can be granted again");
        assertCode(SendResult.NOTIFIED, b.sendPrivate(index));
        assertEquals(1L << 7, a.poll(), "a release does not revoke B's registration");

        final Grant stale = a.grant(8);
        a.closeReceiver();
        assertRefused(b.refusal("registergrant " + stale.encode()), "IllegalArgumentException", "is gone", "ECONNRESET");
        assertCode(SendResult.RECEIVER_GONE, b.sendPrivate(index));
    }

    @Test
    void sendsAfterUnregisterFailAndPostNothing() {
        a.open(WaitPolicy.SPIN_YIELD_BLOCK);
        final long shared = a.register(9);
        final int privateIndex = b.registerGrant(a.grant(9));
        assertTrue(a.unregister(shared));
        assertCode(SendResult.STALE_ENTRY, b.send(shared));
        assertCode(SendResult.INVALID_ENTRY, domain.sendIndex(UittHandle.index(shared)));
        assertEquals(0L, a.poll(), "nothing posted through the unregistered entry");
        assertCode(SendResult.NOTIFIED, b.sendPrivate(privateIndex));
        assertEquals(1L << 9, a.poll(), "the grant's entry in B holds the receiver until it closes");
        final long other = a.register(10);
        a.closeReceiver();
        assertCode(SendResult.STALE_ENTRY, b.send(other));
        assertCode(SendResult.RECEIVER_GONE, b.sendPrivate(privateIndex));
        assertClosed(a);
    }

    @Test
    void blockingWaitsInBothDirections() {
        a.open(WaitPolicy.BLOCK);
        b.open(WaitPolicy.BLOCK);
        final long toA = a.register(3);
        final long toB = b.register(4);
        a.startAwait(AWAIT_MILLIS);
        awaitBlocked(a);
        assertCode(SendResult.WOKEN, b.send(toA));
        assertEquals(1L << 3, a.awaited(), "A blocked, B sent");
        b.startAwait(AWAIT_MILLIS);
        awaitBlocked(b);
        assertCode(SendResult.WOKEN, a.send(toB));
        assertEquals(1L << 4, b.awaited(), "then B blocked and A sent");
        b.startAwait(AWAIT_MILLIS);
        awaitBlocked(b);
        b.closeReceiver();
        final ReceiverClosedException e = assertThrows(ReceiverClosedException.class, b::awaited, "a blocked await, closed under it");
        assertEquals("receiver UPID " + b.upid() + "@" + b.generation() + " is not registered: it was closed", e.getMessage());
    }

    @Test
    void contextSwitchesUnderLoadLoseNoWakeup() {
        a.open(WaitPolicy.BLOCK);
        final long[] toA = a.register(IntStream.range(0, LOAD_THREADS).toArray());
        final long[] acks = b.startLoad(LOAD_THREADS);
        final long total = (long) LOAD_THREADS * LOAD_ROUNDS;
        a.startEcho(total, acks);
        b.runLoad(LOAD_ROUNDS, toA);
        assertEquals("rounds=" + total, b.loadDone().split(" ")[0], "every sender thread got every echo");
        assertEquals(String.valueOf(total), a.echoed().split(" ")[0], "A took every send, none coalesced");
        assertEquals(total, a.counters().delivered());
    }

    private void awaitBlocked(final RemoteReceiver r) {
        DomainSegment.map(domain.path()).awaitBlocked(r.upid(), JvmProcess.DEFAULT_TIMEOUT);
    }

    private static void assertClosed(final RemoteReceiver r) {
        final ReceiverClosedException e = assertThrows(ReceiverClosedException.class, r::poll);
        assertTrue(e.getMessage().endsWith("is not registered: it was closed"), e.getMessage());
    }

    private static void assertRefused(final String errorLine, final String exception, final String part, final String errno) {
        assertTrue(errorLine.contains(exception + ": ") && errorLine.contains(part) && errorLine.contains(errno), errorLine);
    }
}
