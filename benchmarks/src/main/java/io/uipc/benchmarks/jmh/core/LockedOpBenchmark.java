package io.uipc.benchmarks.jmh.core;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The unit the hot paths are made of: one uncontended locked read-modify-write (x86
 * {@code lock cmpxchg}, {@code lock xadd}) on an off-heap word already in this core's cache,
 * and a volatile read for contrast. A fresh post and its take cost about five of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LockedOpBenchmark {
    private final UnsafeBuffer buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(64, 64));

    /** Creates the benchmark; JMH calls it. */
    public LockedOpBenchmark() {
    }

    /** {@return whether the CAS succeeded (always)} */
    @Benchmark
    public boolean compareAndSet() {
        final long v = buffer.getLongVolatile(0);
        return buffer.compareAndSetLong(0, v, v + 1);
    }

    /** {@return the previous value} */
    @Benchmark
    public long getAndAdd() {
        return buffer.getAndAddLong(0, 1);
    }

    /** {@return the value} */
    @Benchmark
    public long volatileRead() {
        return buffer.getLongVolatile(0);
    }
}
