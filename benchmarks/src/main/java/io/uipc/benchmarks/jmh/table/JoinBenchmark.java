package io.uipc.benchmarks.jmh.table;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Joining a group with the default capacities: join plus register (accept one vector: a shared
 * UITT entry published in the entry), with the leave after each join untimed (a per-invocation
 * tear-down: the join's cost, microseconds, dwarfs JMH's per-invocation time stamps), and the
 * whole join, register and leave cycle. {@link LeaveBenchmark} times the leave.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JoinBenchmark {
    private TempGroups groups;
    private ProcessGroup group;
    private JoinOptions options;
    private Member member;

    /** Creates the benchmark; JMH calls it. */
    public JoinBenchmark() {
    }

    /** Creates the group. */
    @Setup
    public void create() {
        groups = new TempGroups("join");
        group = ProcessGroup.create(GroupSpec.named("join").withRoot(groups.root()));
        options = JoinOptions.named("fg-17/worker-3").role("foreground").secret(group.readSecret());
    }

    /** Deletes the group. */
    @TearDown
    public void delete() {
        group.close();
        groups.close();
    }

    /** {@return a joined member that accepts vector 1} */
    @Benchmark
    public Member joinAndRegister() {
        member = group.join(options);
        member.accept(1);
        return member;
    }

    /** Leaves after {@link #joinAndRegister}, untimed. */
    @TearDown(Level.Invocation)
    public void leaveUntimed() {
        if (member != null) {
            member.close();
            member = null;
        }
    }

    /** {@return the member, after join, register and leave} */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Member joinRegisterLeaveCycle() {
        final Member m = group.join(options);
        m.accept(1);
        m.close();
        return m;
    }
}
