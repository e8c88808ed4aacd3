package io.uipc.core.crossprocess;

import io.uipc.core.CapacityExceededException;
import io.uipc.core.InterruptDomain;
import io.uipc.core.ReceiverClosedException;
import io.uipc.core.SendResult;
import io.uipc.core.UittHandle;
import io.uipc.core.WaitPolicy;
import io.uipc.core.spi.DomainMaintenance;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.uipc.core.crossprocess.SendCodes.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends that must not post: invalid indices, unregistered and reused UITT entries, and
 * receivers that closed or whose JVM died. The domain holds one UPID slot and one UITT entry,
 * so a newcomer necessarily reuses the old receiver's slot and entry; the old handle and grant
 * must then fail and never reach it.
 */
class StaleAndGoneTest extends SenderReceiverTest {
    private static final int VECTOR = 6;

    @Override
    int upidCapacity() {
        return 1;
    }

    @Override
    int uittCapacity() {
        return 1;
    }

    @Test
    void unregisteredAndReusedEntriesAreStaleAndBadIndicesInvalid() {
        receiver.open(WaitPolicy.SPIN_YIELD_BLOCK);
        final long old = receiver.register(VECTOR);
        assertCode(SendResult.NOTIFIED, sender.send(old));
        assertEquals(1L << VECTOR, receiver.poll());

        assertTrue(receiver.unregister(old));
        assertFalse(receiver.unregister(old), "a second unregister finds nothing");
        assertCode(SendResult.STALE_ENTRY, sender.send(old));
        assertCode(SendResult.INVALID_ENTRY, sender.sendIndex(UittHandle.index(old)));

        final long reused = receiver.register(VECTOR);
        assertEquals(UittHandle.index(old), UittHandle.index(reused), "the only entry is reused");
        assertNotEquals(old, reused);
        assertCode(SendResult.STALE_ENTRY, sender.send(old));
        assertCode(SendResult.NOTIFIED, sender.send(reused));
        assertEquals(1L << VECTOR, receiver.poll());
        assertEquals(2, receiver.counters().posted(), "stale sends posted nothing");

        assertCode(SendResult.INVALID_INDEX, sender.sendIndex(1));
        assertCode(SendResult.INVALID_INDEX, sender.sendIndex(-1));
        assertCode(SendResult.INVALID_INDEX, sender.send(UittHandle.of(1, UittHandle.generation(reused))));
        assertCode(SendResult.INVALID_INDEX, sender.send(UittHandle.of(Integer.MAX_VALUE, 0)));
        assertCode(SendResult.INVALID_INDEX, sender.sendPrivate(SenderProcess.PRIVATE_UITT_ENTRIES));
        assertCode(SendResult.INVALID_ENTRY, sender.sendPrivate(0));
    }

    @Test
    void closedReceiverIsGoneAndItsNewcomerIsNeverReached() {
        final Reachable before = reachable(receiver.open(WaitPolicy.SPIN_YIELD_BLOCK));
        receiver.closeReceiver();
        assertNeverReachesNewcomer(before);
    }

    @Test
    void closingWakesItsOwnBlockedAwaitWhichSaysSo() {
        receiver.open(WaitPolicy.BLOCK);
        receiver.register(VECTOR);
        receiver.startAwait(TimeUnit.MINUTES.toMillis(10));
        awaitBlocked(receiver);
        receiver.closeReceiver();
        assertThrows(ReceiverClosedException.class, receiver::awaited, "an await on a receiver closed by another thread");
    }

    /** The closed receiver's object, still held by its JVM, must not take what is sent to the newcomer in its slot. */
    @Test
    void closedReceiverNeverTakesItsNewcomersInterrupts() {
        receiver.open(WaitPolicy.SPIN_YIELD_BLOCK);
        receiver.closeReceiver();
        try (RemoteReceiver newcomer = RemoteReceiver.start("newcomer", domain)) {
            newcomer.open(WaitPolicy.SPIN_YIELD_BLOCK);
            assertEquals(receiver.upid(), newcomer.upid());
            final long handle = newcomer.register(VECTOR);
            assertCode(SendResult.NOTIFIED, sender.send(handle));
            assertThrows(ReceiverClosedException.class, receiver::poll, "the closed receiver takes nothing");
            assertThrows(ReceiverClosedException.class, () -> receiver.await(20), "nor does its await");
            assertEquals(1L << VECTOR, newcomer.poll(), "the newcomer gets its interrupt");
        }
    }

    /** The old receiver's JVM is killed (SIGKILL) while blocked in await; the test acts as the reaper. */
    @Test
    void deadReceiverIsGoneOnceReclaimedAndItsNewcomerIsNeverReached() {
        final Reachable before = reachable(receiver.open(WaitPolicy.BLOCK));
        receiver.startAwait(AWAIT_MILLIS);
        awaitBlocked(receiver);
        final long pid = receiver.process().pid();
        receiver.process().kill();
        final InterruptDomain view = domain;
        assertEquals(pid, DomainMaintenance.of(view).upidOwnerPid(before.upid()), "the dead JVM still owns its slot");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThrows(CapacityExceededException.class, view::registerReceiver, "no reuse before the slot is reclaimed");

        assertTrue(DomainMaintenance.of(view).reclaimReceiver(before.upid(), before.generation()), "the reaper reclaims the dead owner's slot");
        assertFalse(DomainMaintenance.of(view).reclaimReceiver(before.upid(), before.generation()), "only once");
        assertEquals(0, DomainMaintenance.of(view).upidOwnerPid(before.upid()));
        assertNeverReachesNewcomer(before);
    }

    /** A live receiver, reached by the sender through a shared UITT handle and a private grant. */
    private record Reachable(int upid, int generation, long handle, int privateIndex) {
    }

    private Reachable reachable(final RemoteReceiver old) {
        final long handle = old.register(VECTOR);
        final int privateIndex = sender.registerGrant(old.grant(VECTOR));
        assertCode(SendResult.NOTIFIED, sender.send(handle));
        assertEquals(1L << VECTOR, old.poll());
        assertCode(SendResult.NOTIFIED, sender.sendPrivate(privateIndex));
        assertEquals(1L << VECTOR, old.poll());
        return new Reachable(old.upid(), old.generation(), handle, privateIndex);
    }

    private void assertNeverReachesNewcomer(final Reachable gone) {
        assertCode(SendResult.STALE_ENTRY, sender.send(gone.handle()));
        assertCode(SendResult.RECEIVER_GONE, sender.sendPrivate(gone.privateIndex()));

        try (RemoteReceiver newcomer = RemoteReceiver.start("newcomer", domain)) {
            newcomer.open(WaitPolicy.SPIN_YIELD_BLOCK);
            assertEquals(gone.upid(), newcomer.upid(), "the newcomer reuses the UPID slot");
            assertNotEquals(gone.generation(), newcomer.generation());
            final long handle = newcomer.register(VECTOR);
            assertEquals(UittHandle.index(gone.handle()), UittHandle.index(handle), "and the UITT entry");

            assertCode(SendResult.STALE_ENTRY, sender.send(gone.handle()));
            assertCode(SendResult.RECEIVER_GONE, sender.sendPrivate(gone.privateIndex()));
            assertEquals(0L, newcomer.poll(), "nothing meant for the old receiver reached the newcomer");
            assertEquals(0, newcomer.counters().posted());

            assertCode(SendResult.NOTIFIED, sender.send(handle));
            assertEquals(1L << VECTOR, newcomer.poll(), "the newcomer is reached through its own entry");
        }
    }
}
