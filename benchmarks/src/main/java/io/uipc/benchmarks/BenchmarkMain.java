package io.uipc.benchmarks;

import io.uipc.core.internal.JvmFlags;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JMH runner of every uipc benchmark ({@code io.uipc.benchmarks.jmh.core}: send, poll and
 * locked operations; {@code .jmh.table}: the process table; {@code .jmh.mailbox}: a message
 * through an inbox), and the benchmarks jar's main: {@link org.openjdk.jmh.Main} with uipc's JVM
 * flags ({@link JvmFlags}, from the root pom) appended to every forked JMH JVM, so the flag list
 * stays in one place. Takes every JMH option; {@code -jvmArgsAppend} given here comes after uipc's.
 * benchmarks/bench.sh runs it ({@code bench.sh jmh [JMH options]}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    /**
     * Runs JMH with uipc's JVM flags appended to every fork.
     *
     * @param args JMH command-line options
     * @throws IOException     if JMH cannot write its output
     * @throws RunnerException if a benchmark fails
     */
    public static void main(final String[] args) throws IOException, RunnerException {
        final CommandLineOptions cmd;
        try {
            cmd = new CommandLineOptions(args);
        } catch (final CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListWithParams()
            || cmd.shouldListProfilers() || cmd.shouldListResultFormats()) {
            Main.main(args);
            return;
        }
        final List<String> append = new ArrayList<>(JvmFlags.forCurrentJvm());
        append.addAll(cmd.getJvmArgsAppend().orElse(List.of()));
        try {
            new Runner(new OptionsBuilder().parent(cmd).jvmArgsAppend(append.toArray(String[]::new)).build()).run();
        } catch (final NoBenchmarksException e) {
            System.err.println("No matching benchmarks: " + e.getMessage());
            System.exit(1);
        }
    }
}
