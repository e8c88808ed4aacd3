package io.uipc.benchmarks.jmh.table;

import io.uipc.core.InterruptDomain;
import io.uipc.table.GroupSpec;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
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
 * A send that needs no wake (the receiver runs and has not taken the vector yet, so the send
 * coalesces), through each layer, in the same run: the bare core send on a UITT handle
 * ({@link InterruptDomain#send}), a cached {@link Target}, {@link Member#send(Target)} (which
 * also counts the send in the sender's entry), and {@link Member#sendTo} (lookup, UITT handle
 * and send).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SendBenchmark {
    private TempGroups groups;
    private ProcessGroup group;
    private InterruptDomain domain;
    private Member sender;
    private Target target;
    private long uittHandle;

    /** Creates the benchmark; JMH calls it. */
    public SendBenchmark() {
    }

    /** Joins a receiver accepting vector 7 and a sender, resolves the target. */
    @Setup
    public void join() {
        groups = new TempGroups("send");
        group = ProcessGroup.create(GroupSpec.named("send").withRoot(groups.root()));
        final String secret = group.readSecret();
        group.join(JoinOptions.named("dbw0").secret(secret)).accept(7);
        sender = OwnThread.call("fg-1", () -> group.join(JoinOptions.named("fg-1").secret(secret)));
        target = group.resolve("dbw0", 7);
        uittHandle = target.uittHandle();
        domain = group.domain();
    }

    /** Deletes the group. */
    @TearDown
    public void delete() {
        group.close();
        groups.close();
    }

    /** {@return the send result: the baseline} */
    @Benchmark
    public int coreSend() {
        return domain.send(uittHandle);
    }

    /** {@return the send result through a cached target} */
    @Benchmark
    public int targetSend() {
        return target.send();
    }

    /** {@return the send result through the sending member (counted in its entry)} */
    @Benchmark
    public int memberSend() {
        return sender.send(target);
    }

    /** {@return the send result of a send by name: lookup, UITT handle, send} */
    @Benchmark
    public int memberSendByName() {
        return sender.sendTo("dbw0", 7);
    }
}
