package io.uipc.benchmarks.alloc;

import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.TempGroups;
import io.uipc.testing.OwnThread;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hot paths allocate nothing, checked on every CI run (JMH's {@code -prof gc} says the same,
 * on demand): a send, a send then poll, a send then await, a lookup by name, a send through a
 * cached {@link Target}, and a member's counted sends (one that posts, and by name one that fails
 * for want of a member or of an accepted vector), and a mailbox message (claim, write, commit, drain),
 * each run until compiled, then counted with the JVM's per-thread
 * allocation counter over many calls. The counter is exact, not sampled, so a hot path that
 * starts to allocate even one object per call fails at once. (A {@link Target}'s liveness probe of
 * a member in another process allocates a little once per 100 ms tick; here the member is in
 * this process, where the probe is a bit test.)
 */
@Timeout(120)
class HotPathAllocationTest {
    private static final int WARMUP = 200_000;
    private static final int CALLS = 200_000;
    /**
     * Bytes a whole measured run may allocate: the JIT's own work on this thread (a deoptimised
     * frame materialising an object) shows as a few hundred bytes now and then; one object per
     * call would be at least 3,200,000.
     */
    private static final long ALLOWANCE = 16_384;
    private static final int VECTOR = 7;
    private static final int DOORBELL = 9;
    private static final int MESSAGE_LENGTH = 64;

    @Test
    void hotPathsAllocateNothing() {
        final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(counter.isThreadAllocatedMemorySupported(), "needs HotSpot's per-thread allocation counter");
        counter.setThreadAllocatedMemoryEnabled(true);
        counter.getCurrentThreadAllocatedBytes(); // its first reading initialises the counter
        try (TempGroups groups = new TempGroups("alloc"); ProcessGroup group = groups.create("alloc")) {
            final String secret = group.readSecret();
            final Member receiverMember = group.join(JoinOptions.named("dbw0").secret(secret));
            receiverMember.accept(VECTOR);
            final Member sender = OwnThread.call("fg-1", () -> group.join(JoinOptions.named("fg-1").secret(secret)));
            final Receiver receiver = receiverMember.receiver();
            final Target target = group.resolve("dbw0", VECTOR);
            final long handle = target.uittHandle();
            final InterruptDomain domain = group.domain();

            final List<String> allocating = new ArrayList<>();
            measure(counter, "send (coalesced)", () -> domain.send(handle), allocating);
            measure(counter, "send then poll", () -> {
                domain.send(handle);
                receiver.poll();
            }, allocating);
            measure(counter, "send then await", () -> {
                domain.send(handle);
                receiver.await(1, TimeUnit.SECONDS);
            }, allocating);
            measure(counter, "lookup by name", () -> group.lookup("dbw0"), allocating);
            measure(counter, "Target.send", target::send, allocating);
            measure(counter, "Member.send (counted)", () -> receiverMember.send(target), allocating);
            measure(counter, "Member.sendTo, no such member (counted failed)", () -> receiverMember.sendTo("nobody", VECTOR),
                allocating);
            measure(counter, "Member.sendTo, vector not accepted (counted failed)", () -> receiverMember.sendTo("dbw0", VECTOR + 1),
                allocating);
            try (Inbox inbox = Inbox.open(receiverMember, DOORBELL)) {
                final Outbox outbox = Outbox.connect(sender, "dbw0");
                final MessageHandler discard = (type, buffer, index, length) -> { };
                measure(counter, "mailbox claim, write, commit, drain", () -> {
                    final int offset = outbox.claim(1, MESSAGE_LENGTH);
                    outbox.buffer().putLong(offset, offset);
                    outbox.commit(offset);
                    inbox.drain(discard);
                }, allocating);
            }
            assertEquals(List.of(), allocating, "hot paths that allocate (bytes over " + CALLS + " calls, allowance " + ALLOWANCE + ")");
        }
    }

    private static void measure(final com.sun.management.ThreadMXBean counter, final String name, final Runnable call,
                                final List<String> allocating) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        final long before = counter.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        final long bytes = counter.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("%s: %d bytes over %d calls%n", name, bytes, CALLS);
        if (bytes > ALLOWANCE) {
            allocating.add(name + ": " + bytes);
        }
    }
}
