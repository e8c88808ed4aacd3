package io.uipc.benchmarks.jmh.core;

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
 * The receiver's side: {@code poll} with nothing pending (the common check of a polling loop),
 * and {@code poll} and {@code await} taking one pending vector.
 *
 * <p>Taking a vector consumes it, so the one-pending cases re-post it in a per-invocation
 * set-up, which JMH times around each call: those figures include a timer read (tens of ns on
 * this VM). {@link #invocationBaseline} has the same per-invocation set-up and does nothing
 * else; subtract it to get the cost of the take.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PollBenchmark {
    private static final int VECTOR = 7;

    /** Creates the benchmark; JMH calls it. */
    public PollBenchmark() {
    }

    /** A receiver with nothing pending. */
    @State(Scope.Thread)
    public static class Idle {
        LocalDomain local;
        Receiver receiver;
        long handle;

        /** Creates the state; JMH calls it, then {@link #setUp()}. */
        public Idle() {
        }

        /** Registers the vector. */
        @Setup(Level.Trial)
        public void setUp() {
            local = new LocalDomain();
            receiver = local.receiver();
            handle = receiver.registerVector(VECTOR);
        }

        /** Deletes the domain. */
        @TearDown(Level.Trial)
        public void tearDown() {
            local.close();
        }
    }

    /** {@link Idle}, with the vector posted before each invocation (untimed). */
    @State(Scope.Thread)
    public static class OnePending extends Idle {
        /** Creates the state; JMH calls it. */
        public OnePending() {
        }

        /** Posts the vector: fresh after a take, coalesced if the last invocation left it. */
        @Setup(Level.Invocation)
        public void post() {
            if (!SendResult.isPosted(local.domain().send(handle))) {
                throw new IllegalStateException("benchmark scenario broken: send failed");
            }
        }
    }

    /**
     * {@return 0}
     *
     * @param s nothing pending
     */
    @Benchmark
    public long pollEmpty(final Idle s) {
        return s.receiver.poll();
    }

    /**
     * {@return the vector taken}
     *
     * @param s one vector pending
     */
    @Benchmark
    public long pollOnePending(final OnePending s) {
        return s.receiver.poll();
    }

    /**
     * {@return the vector taken}
     *
     * @param s one vector pending
     */
    @Benchmark
    public long awaitOnePending(final OnePending s) {
        return s.receiver.await(1, TimeUnit.SECONDS);
    }

    /**
     * {@return the handle}
     *
     * @param s one vector pending (left pending)
     */
    @Benchmark
    public long invocationBaseline(final OnePending s) {
        return s.handle;
    }
}
