package io.uipc.table.bench;

import io.uipc.core.internal.JvmFlags;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.results.format.ResultFormatType;
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
     * @param args optional: a regular expression selecting benchmarks (default: all of this
     *             package), measurement iterations (default 5), forks (default 1); results also
     *             go to target/jmh-table.json with every iteration's score
     * @throws RunnerException if JMH fails
     */
    public static void main(final String[] args) throws RunnerException {
        final ChainedOptionsBuilder options = new OptionsBuilder()
            .include(args.length > 0 ? args[0] : TableBenchmarks.class.getPackageName() + ".*Benchmark")
            .forks(args.length > 2 ? Integer.parseInt(args[2]) : 1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(args.length > 1 ? Integer.parseInt(args[1]) : 5)
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend(JvmFlags.forCurrentJvm().toArray(new String[0]))
            .addProfiler(GCProfiler.class)
            .resultFormat(ResultFormatType.JSON)
            .result("target/jmh-table.json");
        new Runner(options.build()).run();
    }
}
