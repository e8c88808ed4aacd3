package io.uipc.benchmarks.jmh.mailbox;

import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.table.mailbox.MailReader;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.Sample;
import io.uipc.testing.TempGroups;
import io.uipc.testing.OwnThread;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * In-process cost of one 64-byte message through an inbox, offered and drained on one thread
 * (no cross-core traffic: the instructions only), by each way of writing it: raw Agrona puts
 * into the claimed record, a copy from a source buffer, and typed Chronicle mail written and
 * read in place. Run with {@code benchmarks/bench.sh jmh MailboxBenchmark -prof gc} (the GC
 * profiler shows the allocation rate).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MailboxBenchmark {
    private TempGroups groups;
    private ProcessGroup group;
    private Inbox inbox;
    private Outbox out;
    private final Sample sample = new Sample();
    private final MailReader reader = new MailReader();
    private final UnsafeBuffer source = new UnsafeBuffer(new byte[Sample.LENGTH]);
    private MessageHandler rawSink;
    private MessageHandler typedSink;
    private long seq;

    /** Creates the benchmark; JMH calls it. */
    public MailboxBenchmark() {
    }

    /**
     * Creates the group, joins an owner with an inbox and a sender connected to it.
     *
     * @param bh the blackhole messages are consumed into
     */
    @Setup
    public void setUp(final Blackhole bh) {
        groups = new TempGroups("jmh");
        group = groups.create("jmh", 16, 64, 256);
        final String secret = group.readSecret();
        final Member owner = group.join(JoinOptions.named("owner").secret(secret));
        final Member sender = OwnThread.call("sender", () -> group.join(JoinOptions.named("sender").secret(secret)));
        inbox = Inbox.open(owner, 1, InboxConfig.defaults().withCapacity(1 << 20).withMaxMessageLength(Sample.LENGTH));
        out = Outbox.connect(sender, "owner");
        rawSink = (type, buffer, offset, length) -> bh.consume(buffer.getLong(offset + 8));
        typedSink = (type, buffer, offset, length) -> bh.consume(reader.read(buffer, offset, length, sample).sequence());
    }

    /** Removes the group. */
    @TearDown
    public void tearDown() {
        inbox.close();
        group.close();
        groups.close();
    }

    /** {@return messages drained (1): claim, three puts and a fill, commit; then drain} */
    @Benchmark
    public int raw() {
        final int at = out.claim(Sample.TYPE, Sample.LENGTH);
        final MutableDirectBuffer ring = out.buffer();
        ring.putLong(at, 1);
        ring.putLong(at + 8, seq++);
        ring.putLong(at + 16, seq);
        ring.setMemory(at + 24, Sample.LENGTH - 24, (byte) 0);
        out.commit(at);
        return inbox.drain(rawSink, 1);
    }

    /** {@return messages drained (1): offer copying 64 bytes from a buffer; then drain} */
    @Benchmark
    public int copy() {
        source.putLong(8, seq++);
        out.offer(Sample.TYPE, source, 0, Sample.LENGTH);
        return inbox.drain(rawSink, 1);
    }

    /** {@return messages drained (1): typed Chronicle mail written and read in place} */
    @Benchmark
    public int chronicle() {
        out.offer(sample.set(1, seq++, seq));
        return inbox.drain(typedSink, 1);
    }
}
