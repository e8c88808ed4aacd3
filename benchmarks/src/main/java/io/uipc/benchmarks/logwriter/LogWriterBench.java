package io.uipc.benchmarks.logwriter;

import io.uipc.benchmarks.BenchJvms;
import io.uipc.examples.ExampleCommand;
import io.uipc.examples.logwriter.Foreground;
import io.uipc.examples.logwriter.LogWriter;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Log-writer benchmark: for each foreground count, a temporary group with one {@link LogWriter}
 * and that many {@link Foreground} JVMs, each committing {@code --commits} times; prints the
 * log writer's REPORT (commits per second, fsyncs, mean batch, "log file sync" percentiles)
 * and the foregrounds' own commit latency.
 *
 * <p>{@code --foregrounds 1,4,16} {@code --commits 2000} {@code --dir DIR} (where the redo log
 * goes: a real disk, default the current directory; the file is removed after each run)
 * {@code --wait POLICY} (default spin-yield-block).
 */
public final class LogWriterBench {
    private LogWriterBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws IOException if the log file cannot be removed
     */
    public static void main(final String[] args) throws IOException {
        final Options a = ExampleCommand.parse(new Options(), args);
        final Path dir = Paths.get(a.dir).toAbsolutePath();
        final String commits = String.valueOf(a.commits);
        final String wait = a.waitPolicy;
        for (final String n : a.foregrounds.split(",")) {
            final Path log = dir.resolve("uipc-bench-redo-" + ProcessHandle.current().pid() + ".log");
            try (TempGroups groups = new TempGroups("lgwr-bench"); ProcessGroup group = groups.create("lgwr-bench")) {
                final List<JvmProcess> members = new ArrayList<>();
                try (JvmProcess lgwr = BenchJvms.member(group, "lgwr", LogWriter.class, "--log", log.toString(), "--foregrounds", n,
                    "--wait", wait)) {
                    lgwr.expect("READY");
                    for (int i = 1; i <= Integer.parseInt(n); i++) {
                        members.add(BenchJvms.member(group, "fg-" + i, Foreground.class, "--commits", commits, "--wait", wait));
                    }
                    final List<String> fgLatency = new ArrayList<>();
                    for (final JvmProcess fg : members) {
                        fgLatency.add(fg.expect("ACKED", BenchJvms.RESULT_TIMEOUT));
                    }
                    System.out.println("foregrounds=" + n + " " + lgwr.expect("REPORT", BenchJvms.RESULT_TIMEOUT).substring("REPORT ".length()));
                    System.out.println("  e.g. " + fgLatency.get(0));
                } finally {
                    members.forEach(JvmProcess::close);
                    Files.deleteIfExists(log);
                }
            }
        }
    }

    /** The benchmark's command line. */
    @Command(name = "logwriter", description = "Group commit with 1, 4 and 16 foregrounds of the examples.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--dir", paramLabel = "DIR", description = "Where the redo logs go (default: ${DEFAULT-VALUE}).")
        String dir = ".";
        @Option(names = "--commits", paramLabel = "N", description = "Commits per foreground (default: ${DEFAULT-VALUE}).")
        int commits = 2000;
        @Option(names = "--wait", paramLabel = "POLICY", description = "Wait policy (default: ${DEFAULT-VALUE}).")
        String waitPolicy = "spin-yield-block";
        @Option(names = "--foregrounds", paramLabel = "LIST", description = "Foreground counts, comma-separated (default: ${DEFAULT-VALUE}).")
        String foregrounds = "1,4,16";
    }
}
