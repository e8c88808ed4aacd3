package io.uipc.core.crossprocess;

import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.WaitPolicy;
import io.uipc.testing.CommandLoop;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Child side of the context-switch test (the RFC selftests' context switches under load):
 * sender threads that each own a blocking receiver (one per thread) and, round by round, send
 * their vector to a peer's receiver and block until the peer's echo ({@link #echo}) wakes them.
 * A lost wake-up on either side stalls a thread for good; a send that coalesced or failed, or an
 * await that took anything but the echo, is reported as an error.
 */
final class SenderThreads {
    private final InterruptDomain domain;
    private final Thread[] threads;
    private final long[] ackHandles;
    private final CountDownLatch registered;
    private final CountDownLatch go = new CountDownLatch(1);
    private final AtomicLong woken = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile long[] targets;
    private volatile int rounds;

    private SenderThreads(final InterruptDomain domain, final int count) {
        this.domain = domain;
        this.threads = new Thread[count];
        this.ackHandles = new long[count];
        this.registered = new CountDownLatch(count);
    }

    /**
     * Starts {@code count} sender threads, each registering its receiver and echo vector 0.
     *
     * @return the threads, registered and waiting for {@link #run}
     */
    static SenderThreads open(final InterruptDomain domain, final int count) throws InterruptedException {
        final SenderThreads load = new SenderThreads(domain, count);
        for (int t = 0; t < count; t++) {
            final int id = t;
            load.threads[t] = new Thread(() -> load.sender(id), "sender-" + t);
            load.threads[t].setDaemon(true);
            load.threads[t].start();
        }
        load.registered.await();
        return load;
    }

    /** @return each thread's echo handle, where the peer acknowledges it */
    String ackHandles() {
        return Arrays.stream(ackHandles).mapToObj(Long::toString).collect(Collectors.joining(" "));
    }

    /** Runs "ROUNDS HANDLE..." (thread t sends to the t-th handle); prints "run ..." once every thread is done. */
    void run(final String[] args) {
        rounds = Integer.parseInt(args[0]);
        targets = Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray();
        go.countDown();
        final Thread reporter = new Thread(() -> {
            for (final Thread t : threads) {
                try {
                    t.join();
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            CommandLoop.print(failure.get() != null ? CommandLoop.ERROR + " run " + failure.get()
                : "run rounds=" + (long) rounds * threads.length + " woken=" + woken.get());
        }, "load-reporter");
        reporter.setDaemon(true);
        reporter.start();
    }

    private void sender(final int id) {
        final Receiver receiver = domain.registerReceiver();
        try {
            receiver.waitPolicy(WaitPolicy.BLOCK);
            ackHandles[id] = receiver.registerVector(0);
            registered.countDown();
            go.await();
            for (int r = 0; r < rounds && failure.get() == null; r++) {
                final int code = domain.send(targets[id]);
                if (code == SendResult.WOKEN) {
                    woken.incrementAndGet();
                } else if (code != SendResult.NOTIFIED && code != SendResult.POSTED) {
                    throw new IllegalStateException("round " + r + ": " + SendResult.describe(code));
                }
                long echoed = 0;
                while (echoed == 0) {
                    echoed = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                }
                if (echoed != 1) {
                    throw new IllegalStateException("round " + r + ": took " + Long.toHexString(echoed) + ", not the echo");
                }
            }
        } catch (final InterruptedException | RuntimeException e) {
            failure.compareAndSet(null, Thread.currentThread().getName() + ": " + e);
        } finally {
            receiver.close();
        }
    }

    /**
     * The peer's side: takes "TOTAL ACK..." from the command; awaits on {@code receiver} and echoes
     * each vector {@code t} taken to the t-th ack handle, until TOTAL vectors were taken.
     *
     * @return "TOTAL WOKEN": vectors echoed and how many echoes woke a blocked sender thread
     */
    static String echo(final Receiver receiver, final InterruptDomain domain, final String[] args) {
        final long total = Long.parseLong(args[0]);
        final long[] acks = Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray();
        long echoed = 0;
        long wokenSenders = 0;
        while (echoed < total) {
            long vectors = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            while (vectors != 0) {
                final int t = Long.numberOfTrailingZeros(vectors);
                vectors &= vectors - 1;
                final int code = domain.send(acks[t]);
                if (!SendResult.isPosted(code) || code == SendResult.COALESCED) {
                    throw new IllegalStateException("echo " + echoed + " to thread " + t + ": " + SendResult.describe(code));
                }
                wokenSenders += code == SendResult.WOKEN ? 1 : 0;
                echoed++;
            }
        }
        return echoed + " " + wokenSenders;
    }
}
