package io.uipc.benchmarks.jmh.table;

import io.uipc.core.DomainConfig;
import io.uipc.table.GroupSpec;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.TempGroups;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Leaving a group: invalidating the member's UITT entries, freeing its UPID, removing it from
 * the name index. Timed with a member joined (and registered) untimed before each invocation,
 * for two shared UITT sizes, to show what leave's cost scales with.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LeaveBenchmark {
    /** Shared UITT entries: the default, and a sixteenth of it. */
    @Param({"4096", "65536"})
    public int uittEntries;

    private TempGroups groups;
    private ProcessGroup group;
    private JoinOptions options;
    private Member member;

    /** Creates the benchmark; JMH calls it. */
    public LeaveBenchmark() {
    }

    /** Creates the group. */
    @Setup
    public void create() {
        groups = new TempGroups("leave");
        group = groups.create("leave", GroupSpec.DEFAULT_ENTRIES, DomainConfig.DEFAULT_UPIDS, uittEntries);
        options = JoinOptions.named("fg-17/worker-3").role("foreground").secret(group.readSecret());
    }

    /** Joins and registers, untimed. */
    @Setup(Level.Invocation)
    public void join() {
        member = group.join(options);
        member.accept(1);
    }

    /** Deletes the group. */
    @TearDown
    public void delete() {
        group.close();
        groups.close();
    }

    /** Leaves. */
    @Benchmark
    public void leave() {
        member.close();
    }
}
