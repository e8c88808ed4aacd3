package io.uipc.core;

import io.uipc.core.emulated.EmulatedDomain;
import io.uipc.core.spi.DomainMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver behaves as UINTR hardware and the kernel RFC do: delivery order after each handler
 * (UIRR), releasable grants checked at registration, one receiver per thread, a receiver
 * unregisters only its own entries, and a closed receiver says so.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiverRfcTest {
    @TempDir
    Path dir;
    private InterruptDomain domain;
    private Receiver receiver;

    @BeforeEach
    void open() {
        domain = EmulatedDomain.create(DomainConfig.of(dir.resolve("domain")).withCapacities(4, 16));
        receiver = domain.registerReceiver();
    }

    @AfterEach
    void close() {
        if (receiver.isOpen()) {
            receiver.close();
        }
        domain.close();
    }

    @Test
    void afterEachHandlerTheHighestPendingVectorRunsIncludingOnesPostedMeanwhile() {
        final long[] handles = {receiver.registerVector(1), receiver.registerVector(3), receiver.registerVector(63)};
        final List<Integer> order = new ArrayList<>();
        receiver.onVector(1, order::add);
        receiver.onVector(63, order::add);
        receiver.onVector(3, v -> {
            order.add(v);
            SendResult.check(domain.send(handles[2]));
        });
        SendResult.check(domain.send(handles[0]));
        SendResult.check(domain.send(handles[1]));
        assertEquals(3, receiver.dispatch(receiver.poll()));
        assertEquals(List.of(3, 63, 1), order, "63 posted while 3 ran is recognised before 1");
    }

    @Test
    void aVectorPostedByAnotherThreadWhileAHandlerRunsIsRunNext() throws Exception {
        final long[] handles = {receiver.registerVector(1), receiver.registerVector(3), receiver.registerVector(63)};
        final List<Integer> order = new ArrayList<>();
        final CountDownLatch handlerRunning = new CountDownLatch(1);
        final CountDownLatch posted = new CountDownLatch(1);
        receiver.onVector(1, order::add);
        receiver.onVector(63, order::add);
        receiver.onVector(3, v -> {
            order.add(v);
            handlerRunning.countDown();
            awaitLatch(posted);
        });
        final CompletableFuture<Integer> sender = CompletableFuture.supplyAsync(() -> {
            awaitLatch(handlerRunning);
            final int result = domain.send(handles[2]);
            posted.countDown();
            return result;
        }, task -> new Thread(task, "sender").start());
        SendResult.check(domain.send(handles[0]));
        SendResult.check(domain.send(handles[1]));
        final Dispatcher dispatcher = receiver.startDispatcher("dispatcher");
        assertTrue(SendResult.isPosted(sender.get(10, TimeUnit.SECONDS)));
        dispatcher.close();
        assertEquals(List.of(3, 63, 1), order);
    }

    @Test
    void aReleasedGrantCanBeMintedAgainAndItsSendersKeepTheirEntries() {
        final PrivateUitt sender = domain.newPrivateUitt(4);
        final Grant grant = receiver.mintGrant(5);
        final int index = sender.register(grant);
        final IllegalStateException busy = assertThrows(IllegalStateException.class, () -> receiver.mintGrant(5));
        assertEquals("a grant for vector 5 was already minted (the RFC's EBUSY)", busy.getMessage());
        assertTrue(receiver.releaseGrant(5));
        assertFalse(receiver.releaseGrant(5), "released already");
        assertFalse(receiver.releaseGrant(6), "never minted");
        assertEquals(grant, receiver.mintGrant(5), "mintable again, naming the same receiver");
        assertTrue(SendResult.isPosted(sender.send(index)), "a release does not revoke a registered sender");
        assertEquals(1L << 5, receiver.poll());
        receiver.close();
        assertEquals(SendResult.RECEIVER_GONE, sender.send(index), "closing the receiver ends its senders");
    }

    @Test
    void theSameGrantRegisteredTwiceIsRefusedNamingTheExistingIndex() {
        final PrivateUitt sender = domain.newPrivateUitt(4);
        final Grant grant = receiver.mintGrant(7);
        final int index = sender.register(grant);
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> sender.register(grant));
        assertEquals(grant.encode() + " is registered already, at private UITT index " + index + " (the RFC's EISCONN)", e.getMessage());
        assertTrue(sender.unregister(index));
        final int again = sender.register(grant);
        assertTrue(SendResult.isPosted(sender.send(again)), "registrable again once unregistered");
    }

    @Test
    void forgedFreeAndGoneGrantsAreRefusedAtRegistrationAndPostNothing() {
        final PrivateUitt sender = domain.newPrivateUitt(4);
        final int upid = receiver.upidIndex();
        final int gen = receiver.upidGeneration();
        assertRefused(sender, new Grant(upid, gen + 1, 5), "UPID " + upid + "@" + (gen + 1) + " was never claimed with that generation",
            "EBADF");
        assertRefused(sender, new Grant(upid, gen + 2, 5), "UPID " + upid + "@" + (gen + 2) + " was never claimed", "EBADF");
        assertRefused(sender, new Grant(3, 1, 5), "UPID 3@1 was never claimed", "EBADF");
        assertRefused(sender, new Grant(3, 0, 5), "UPID 3@0 was never claimed", "EBADF");
        final Receiver gone = onOwnThread(domain::registerReceiver);
        final Grant stale = gone.mintGrant(5);
        gone.close();
        assertRefused(sender, stale, "receiver UPID " + stale.upidIndex() + "@" + stale.upidGeneration() + " is gone", "ECONNRESET");
        assertEquals(0L, receiver.poll());
        assertEquals(0, receiver.postedCount());
    }

    private static void assertRefused(final PrivateUitt sender, final Grant grant, final String part, final String errno) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sender.register(grant));
        assertTrue(e.getMessage().startsWith(grant.encode() + ": ") && e.getMessage().contains(part)
            && e.getMessage().contains("the RFC's " + errno) && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aThreadHasOneReceiverPerDomainUntilItClosesItOrADispatcherTakesItOver() {
        final IllegalStateException e = assertThrows(IllegalStateException.class, domain::registerReceiver);
        assertTrue(e.getMessage().contains("already has receiver UPID " + receiver.upidIndex() + "@" + receiver.upidGeneration())
            && e.getMessage().contains("the RFC's EBUSY"), e.getMessage());
        final Dispatcher dispatcher = receiver.startDispatcher("dispatcher");
        final Receiver second = domain.registerReceiver();
        assertThrows(IllegalStateException.class, domain::registerReceiver);
        second.close();
        domain.registerReceiver().close();
        try (InterruptDomain other = EmulatedDomain.create(DomainConfig.of(dir.resolve("other")).withCapacities(1, 1))) {
            other.registerReceiver().close();
        }
        dispatcher.close();
    }

    @Test
    void closingAReceiverThatIsNotRegisteredIsAnError() {
        receiver.close();
        final IllegalStateException e = assertThrows(IllegalStateException.class, receiver::close);
        assertEquals("receiver UPID " + receiver.upidIndex() + "@" + receiver.upidGeneration()
            + " is not registered: it was closed already (the RFC's unregister without a handler)", e.getMessage());
        receiver = domain.registerReceiver();
        assertTrue(DomainMaintenance.of(domain).reclaimReceiver(receiver.upidIndex(), receiver.upidGeneration()));
        final IllegalStateException reclaimed = assertThrows(IllegalStateException.class, receiver::close);
        assertTrue(reclaimed.getMessage().contains("its slot was reclaimed"), reclaimed.getMessage());
        assertFalse(receiver.isOpen());
        domain.registerReceiver().close();
    }

    @Test
    void aReceiverUnregistersOnlyItsOwnEntries() {
        final Receiver other = onOwnThread(domain::registerReceiver);
        final long theirs = other.registerVector(4);
        final long mine = receiver.registerVector(4);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> receiver.unregisterVector(theirs));
        assertEquals("UITT entry " + UittHandle.toString(theirs) + " belongs to receiver UPID " + other.upidIndex() + "@"
            + other.upidGeneration() + ", not to " + receiver, e.getMessage());
        assertTrue(SendResult.isPosted(domain.send(theirs)), "their entry is untouched");
        assertEquals(1L << 4, other.poll());
        assertTrue(receiver.unregisterVector(mine));
        assertFalse(receiver.unregisterVector(mine), "a stale handle of its own");
        assertEquals(SendResult.STALE_ENTRY, domain.send(mine));
        receiver.close();
        assertTrue(SendResult.isPosted(domain.send(theirs)), "closing one receiver leaves the other's entries valid");
        assertEquals(1L << 4, other.poll());
        other.close();
        assertEquals(SendResult.STALE_ENTRY, domain.send(theirs), "and closing it invalidates them");
    }

    @Test
    void pollAndAwaitOnAClosedReceiverThrowWhereATimeoutReturnsZero() throws Exception {
        assertEquals(0L, receiver.await(1, TimeUnit.MILLISECONDS), "a timeout");
        receiver.wakeup();
        assertEquals(0L, receiver.await(1, TimeUnit.SECONDS), "a wake-up");
        for (final WaitPolicy policy : WaitPolicy.values()) {
            final Receiver blocked = onOwnThread(domain::registerReceiver);
            blocked.waitPolicy(policy);
            final CountDownLatch waiting = new CountDownLatch(1);
            final CompletableFuture<Throwable> awaited = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                try {
                    return new AssertionError("await returned " + blocked.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
                } catch (final ReceiverClosedException expected) {
                    return expected;
                }
            }, task -> new Thread(task, "awaiting").start());
            awaitLatch(waiting);
            blocked.close();
            final Throwable t = awaited.get(15, TimeUnit.SECONDS);
            assertTrue(t instanceof ReceiverClosedException, policy + ": " + t);
            assertEquals("receiver UPID " + blocked.upidIndex() + "@" + blocked.upidGeneration() + " is not registered: it was closed",
                t.getMessage());
            assertThrows(ReceiverClosedException.class, blocked::poll);
            assertThrows(ReceiverClosedException.class, () -> blocked.await(0, TimeUnit.SECONDS));
        }
        assertTrue(DomainMaintenance.of(domain).reclaimReceiver(receiver.upidIndex(), receiver.upidGeneration()));
        final ReceiverClosedException reclaimed = assertThrows(ReceiverClosedException.class, receiver::poll);
        assertTrue(reclaimed.getMessage().endsWith("its slot was reclaimed (was this process declared dead?)"), reclaimed.getMessage());
    }

    /** Registers on a thread of its own, as a second receiver of this domain must be. */
    private static <T> T onOwnThread(final Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, task -> new Thread(task, "own").start()).join();
    }

    private static void awaitLatch(final CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "latch");
        } catch (final InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
