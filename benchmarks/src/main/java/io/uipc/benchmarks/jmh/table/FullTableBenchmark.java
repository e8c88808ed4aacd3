package io.uipc.benchmarks.jmh.table;

import io.uipc.table.GroupSpec;
import io.uipc.table.JoinOptions;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.TempGroups;
import io.uipc.testing.OwnThread;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * A full table at the default capacities: 4,096 members joined ("fg-N/worker-M" names, as a
 * database's foreground processes' threads), each accepting vector 1. Lock-free lookup by name
 * (names cycle through all members, so probe sequences and entries touched vary as in real
 * use), and a full reap pass (what the elected reaper runs every 5 s; every 200 ms it runs the
 * entry scan alone).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FullTableBenchmark {
    private static final int MEMBERS = GroupSpec.DEFAULT_ENTRIES;

    private final String[] names = new String[MEMBERS];
    private final String[] missing = new String[MEMBERS];
    private TempGroups groups;
    private ProcessGroup group;
    private int next;

    /** Creates the benchmark; JMH calls it. */
    public FullTableBenchmark() {
    }

    /** Fills the table. */
    @Setup
    public void fill() {
        groups = new TempGroups("full");
        group = ProcessGroup.create(GroupSpec.named("full").withRoot(groups.root()));
        final String secret = group.readSecret();
        for (int i = 0; i < MEMBERS; i++) {
            names[i] = "fg-" + i / 8 + "/worker-" + i % 8;
            missing[i] = "bg-" + i / 8 + "/worker-" + i % 8;
            final JoinOptions options = JoinOptions.named(names[i]).secret(secret);
            OwnThread.call(names[i], () -> group.join(options)).accept(1);
            names[i].hashCode();
            missing[i].hashCode();
        }
    }

    /** Leaves and deletes the group. */
    @TearDown
    public void delete() {
        group.close();
        groups.close();
    }

    /** {@return the member handle of a present name} */
    @Benchmark
    public long lookup() {
        return group.lookup(names[next++ & (MEMBERS - 1)]);
    }

    /** {@return the UITT handle a present member published for vector 1: what a sender needs} */
    @Benchmark
    public long lookupAndUittHandle() {
        return group.uittHandle(group.lookup(names[next++ & (MEMBERS - 1)]), 1);
    }

    /** {@return NOT_FOUND for a name no member has} */
    @Benchmark
    public long lookupMissing() {
        return group.lookup(missing[next++ & (MEMBERS - 1)]);
    }

    /** {@return members reclaimed (none: all 4,096 live in this process): the entry scan plus the UPID and UITT orphan sweeps} */
    @Benchmark
    public int reap() {
        return group.reap();
    }
}
