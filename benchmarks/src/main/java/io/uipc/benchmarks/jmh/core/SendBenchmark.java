package io.uipc.benchmarks.jmh.core;

import io.uipc.core.InterruptDomain;
import io.uipc.core.PrivateUitt;
import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of a send when no wake-up is needed: the receiver is registered in this process
 * and is never blocked (it is the benchmark thread itself), so no futex call is ever made.
 *
 * <ul>
 *   <li>{@code *Coalesced}: the vector is already pending and its notification (ON) is
 *       outstanding, so every send validates the UITT entry, finds the PIR bit set (its
 *       compare-and-exchange, which guessed an idle receiver's word, fails and returns the
 *       word), CAS-increments the coalesced counter and stops: {@link SendResult#COALESCED}. Through a handle
 *       (generation-checked), a bare shared index, and a private UITT (the RFC's model).</li>
 *   <li>{@code *ThenPoll}: the fresh-post path. The same thread polls after each send, so each
 *       send sets a clear PIR bit and ON in one compare-and-exchange ({@link SendResult#NOTIFIED});
 *       the poll clears ON and takes the vector in one CAS. The figure is send plus poll.</li>
 *   <li>{@code sendThenAwait}: as above with {@code await} in place of poll: await with
 *       something pending returns at once.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SendBenchmark {
    private static final int VECTOR = 7;

    /** Creates the benchmark; JMH calls it. */
    public SendBenchmark() {
    }

    /** A receiver with {@link #VECTOR} registered in the shared UITT and in a private UITT, nothing pending. */
    @State(Scope.Thread)
    public static class Target {
        LocalDomain local;
        InterruptDomain domain;
        Receiver receiver;
        PrivateUitt privateUitt;
        long handle;
        int index;
        int privateIndex;

        /** Creates the state; JMH calls it, then {@link #setUp()}. */
        public Target() {
        }

        /** Registers the vector both ways. */
        @Setup(Level.Trial)
        public final void setUp() {
            local = new LocalDomain();
            domain = local.domain();
            receiver = local.receiver();
            handle = receiver.registerVector(VECTOR);
            index = (int) handle;
            privateUitt = domain.newPrivateUitt(16);
            privateIndex = privateUitt.register(receiver.mintGrant(VECTOR));
            prepare();
        }

        /** Puts the receiver in the scenario's state: here, nothing pending. */
        void prepare() {
            expect(0, receiver.poll());
        }

        /** Checks the scenario held to the end: no send ever needed a wake-up. */
        @TearDown(Level.Trial)
        public final void tearDown() {
            try {
                expect(0, receiver.wakeupCount());
                expect(pendingAtEnd(), receiver.poll());
            } finally {
                local.close();
            }
        }

        /** @return what must be pending after the last invocation */
        long pendingAtEnd() {
            return 0;
        }
    }

    /** {@link Target} with the vector pending and its notification (ON) outstanding. */
    @State(Scope.Thread)
    public static class Outstanding extends Target {
        /** Creates the state; JMH calls it. */
        public Outstanding() {
        }

        @Override
        void prepare() {
            expect(SendResult.NOTIFIED, domain.send(handle));
        }

        @Override
        long pendingAtEnd() {
            return 1L << VECTOR;
        }
    }

    static void expect(final long expected, final long actual) {
        if (expected != actual) {
            throw new IllegalStateException("benchmark scenario broken: expected " + expected + ", got " + actual);
        }
    }

    /**
     * {@return the send result (COALESCED)}
     *
     * @param s vector pending, ON set
     */
    @Benchmark
    public int sendCoalesced(final Outstanding s) {
        return s.domain.send(s.handle);
    }

    /**
     * {@return the send result (COALESCED)}
     *
     * @param s vector pending, ON set
     */
    @Benchmark
    public int sendIndexCoalesced(final Outstanding s) {
        return s.domain.sendIndex(s.index);
    }

    /**
     * {@return the send result (COALESCED)}
     *
     * @param s vector pending, ON set
     */
    @Benchmark
    public int privateUittSendCoalesced(final Outstanding s) {
        return s.privateUitt.send(s.privateIndex);
    }

    /**
     * {@return the send result (NOTIFIED) plus the vectors taken}
     *
     * @param s nothing pending before each send
     */
    @Benchmark
    public long sendThenPoll(final Target s) {
        return s.domain.send(s.handle) + s.receiver.poll();
    }

    /**
     * {@return the send result (NOTIFIED) plus the vectors taken}
     *
     * @param s nothing pending before each send
     */
    @Benchmark
    public long privateUittSendThenPoll(final Target s) {
        return s.privateUitt.send(s.privateIndex) + s.receiver.poll();
    }

    /**
     * {@return the send result (NOTIFIED) plus the vectors taken}
     *
     * @param s nothing pending before each send
     */
    @Benchmark
    public long sendThenAwait(final Target s) {
        return s.domain.send(s.handle) + s.receiver.await(1, TimeUnit.SECONDS);
    }
}
