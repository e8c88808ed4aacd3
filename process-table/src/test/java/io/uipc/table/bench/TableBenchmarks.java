package io.uipc.table.bench;

import io.uipc.core.JvmFlags;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the process-table benchmarks through JMH's Runner, forked with uipc's JVM flags and
 * the GC profiler (allocation per operation). See scripts/bench-table.sh.
 */
public final class TableBenchmarks {
    private TableBenchmarks() {
    }

    /**
     * @param args optional regular expression selecting benchmarks (default: all of this package)
     * @throws RunnerException if JMH fails
     */
    public static void main(final String[] args) throws RunnerException {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(args.length > 0 ? args[0] : TableBenchmarks.class.getPackageName() + ".*Benchmark")
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend(JvmFlags.forCurrentJvm().toArray(new String[0]))
            .addProfiler(GCProfiler.class);
        new Runner(options.build()).run();
    }
}
