package io.uipc.core.emulated;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.ReceiverClosedException;
import io.uipc.core.WaitPolicy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model's MUT_RELEASE_WAKE_IF_BLKD, on the real futex: a stale sender clears a sleeping
 * receiver's BLKD (its post newly set ON in the old generation's word) and has not yet called
 * FUTEX_WAKE when the receiver is closed. The release must wake the sleeper although it finds
 * BLKD clear; if it woke only on BLKD, the closed receiver's await would sleep forever (the
 * sender's late FUTEX_WAKE(1) may go to a newcomer on the same word).
 */
@Timeout(30)
class ReleaseWakesSleeperTest {
    private static final String SLEEPER = "uipc-sleeper";

    @TempDir
    Path dir;

    @Test
    void closeWakesTheOwnersSleepingAwaitThoughAStaleSenderClearedBlkd() throws Exception {
        final InterruptDomain domain = EmulatedDomain.create(DomainConfig.of(dir.resolve("domain")).withCapacities(1, 8));
        final CompletableFuture<Receiver> registered = new CompletableFuture<>();
        final CompletableFuture<String> outcome = new CompletableFuture<>();
        final Thread sleeper = new Thread(() -> {
            final Receiver receiver = domain.registerReceiver();
            receiver.waitPolicy(WaitPolicy.BLOCK);
            registered.complete(receiver);
            try {
                outcome.complete("await returned " + receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
            } catch (final ReceiverClosedException e) {
                outcome.complete("closed");
            }
        }, SLEEPER);
        sleeper.setDaemon(true);
        sleeper.start();
        final Receiver receiver = registered.get(10, TimeUnit.SECONDS);
        final UnsafeBuffer raw = map(domain.path());
        final int state = (int) DomainHeaderDescriptor.upidOffset(receiver.upidIndex()) + UpidDescriptor.STATE_OFFSET;
        awaitInFutexWait();

        final int blocked = raw.getIntVolatile(state);
        assertEquals(UpidDescriptor.BLKD, blocked & UpidDescriptor.BLKD, "the sleeper announced BLKD");
        assertTrue(raw.compareAndSetInt(state, blocked, blocked & ~UpidDescriptor.BLKD), "the stale sender clears BLKD, and is delayed");

        receiver.close();
        assertEquals("closed", outcome.get(10, TimeUnit.SECONDS), "the release woke the closed receiver's await");
    }

    private static UnsafeBuffer map(final Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size()));
        }
    }

    /**
     * Waits until the task of this process named {@link #SLEEPER} is blocked in a shared
     * FUTEX_WAIT (syscall 202 on x86-64, 98 on aarch64, op 0: the JVM's own waits are private),
     * as /proc/self/task/TID/syscall shows.
     */
    private static void awaitInFutexWait() throws IOException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String seen = "";
        while (System.nanoTime() - deadline < 0) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (final Path task : (Iterable<Path>) tasks::iterator) {
                    if (SLEEPER.equals(read(task.resolve("comm")))) {
                        seen = read(task.resolve("syscall"));
                        final String[] syscall = seen.split(" ");
                        if (syscall.length > 2 && ("202".equals(syscall[0]) || "98".equals(syscall[0])) && "0x0".equals(syscall[2])) {
                            return;
                        }
                    }
                }
            }
            Thread.yield();
        }
        throw new AssertionError("the sleeper did not reach a shared FUTEX_WAIT within 10 s; its last syscall: " + seen);
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file).trim();
        } catch (final IOException e) {
            return ""; // the task ended meanwhile
        }
    }
}
