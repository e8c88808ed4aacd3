package io.uipc.benchmarks.pingpong;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * CPU time of another process, from /proc. The per-thread scheduler statistics
 * ({@code /proc/<pid>/task/<tid>/schedstat}, nanoseconds) are summed when the kernel has them;
 * otherwise {@code /proc/<pid>/stat} (utime + stime) is used, which counts in 10 ms clock ticks:
 * too coarse to tell 0.2% from 0% of a core over a second.
 */
public final class ProcessCpu {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /**
     * Reads the CPU time of a process.
     *
     * @param pid a live process
     * @return CPU time its threads have used, user and system, in ns
     * @throws UncheckedIOException if /proc cannot be read (the process is gone)
     */
    public static long cpuNanos(final long pid) {
        final Path proc = Paths.get("/proc", Long.toString(pid));
        try {
            if (Files.exists(proc.resolve("schedstat"))) {
                return schedstatNanos(proc);
            }
            return statNanos(proc);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read CPU time of pid " + pid, e);
        }
    }

    private static long schedstatNanos(final Path proc) throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (final Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    final String line = Files.readString(task.resolve("schedstat"));
                    sum += Long.parseLong(line.substring(0, line.indexOf(' ')));
                } catch (final NoSuchFileException e) {
                    // the thread ended while we listed: its time is not counted here
                }
            }
        }
        return sum;
    }

    private static long statNanos(final Path proc) throws IOException {
        final String stat = Files.readString(proc.resolve("stat"));
        // Fields after the command name, which is in parentheses and may hold spaces:
        // state(3) ppid(4) ... utime(14) stime(15); index 0 here is field 3.
        final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    }
}
