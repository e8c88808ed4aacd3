package io.uipc.examples.jmh;

import io.uipc.core.internal.JvmFlags;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MailboxBenchmark} with uipc's JVM flags in the forked JVM and the GC profiler
 * (allocation per operation). Arguments: an optional benchmark name pattern.
 */
public final class MailboxJmh {
    private MailboxJmh() {
    }

    /**
     * @param args optional include pattern
     * @throws RunnerException if JMH fails
     */
    public static void main(final String[] args) throws RunnerException {
        final Options options = new OptionsBuilder()
            .include(args.length > 0 ? args[0] : MailboxBenchmark.class.getSimpleName())
            .jvmArgsAppend(JvmFlags.forCurrentJvm().toArray(new String[0]))
            .addProfiler(GCProfiler.class)
            .build();
        new Runner(options).run();
    }
}
