package io.uipc.core.crossprocess;

import io.uipc.core.Grant;
import io.uipc.core.InterruptDomain;
import io.uipc.core.WaitPolicy;
import io.uipc.testing.JvmProcess;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The test's handle on a {@link ReceiverProcess} child JVM and the one receiver it holds. */
final class RemoteReceiver implements AutoCloseable {
    private final JvmProcess process;
    private int upid = -1;
    private int generation;

    private RemoteReceiver(final JvmProcess process) {
        this.process = process;
    }

    static RemoteReceiver start(final String name, final InterruptDomain domain) {
        return new RemoteReceiver(JvmProcess.start(name, ReceiverProcess.class, ChildDomain.attach(domain.path())));
    }

    static RemoteReceiver of(final JvmProcess process) {
        return new RemoteReceiver(process);
    }

    JvmProcess process() {
        return process;
    }

    /** Registers the child's receiver (claims a UPID slot). */
    RemoteReceiver open(final WaitPolicy policy) {
        final String[] reply = process.call("open " + policy).split(" ");
        upid = Integer.parseInt(reply[0]);
        generation = Integer.parseUnsignedInt(reply[1]);
        return this;
    }

    int upid() {
        return upid;
    }

    int generation() {
        return generation;
    }

    long register(final int vector) {
        return register(new int[] {vector})[0];
    }

    /** @return the UITT handle of each vector's new shared entry */
    long[] register(final int... vectors) {
        final String reply = process.call("register " + IntStream.of(vectors).mapToObj(Integer::toString)
            .collect(Collectors.joining(" ")));
        return Arrays.stream(reply.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    boolean unregister(final long handle) {
        return Boolean.parseBoolean(process.call("unregister " + handle));
    }

    Grant grant(final int vector) {
        return Grant.parse(process.call("grant " + vector));
    }

    long poll() {
        return Long.parseUnsignedLong(process.call("poll"), 16);
    }

    /** Starts an await on the child's receiver thread; {@link #awaited()} gets its result. */
    void startAwait(final long timeoutMillis) {
        process.send("await " + timeoutMillis);
    }

    long awaited() {
        return Long.parseUnsignedLong(process.reply("await"), 16);
    }

    long await(final long timeoutMillis) {
        startAwait(timeoutMillis);
        return awaited();
    }

    Counters counters() {
        return Counters.parse(process.call("counters"));
    }

    void policy(final WaitPolicy policy) {
        process.call("policy " + policy);
    }

    void mask(final int vector) {
        process.call("mask " + vector);
    }

    void unmask(final int vector) {
        process.call("unmask " + vector);
    }

    void suppress() {
        process.call("suppress");
    }

    void resume() {
        process.call("resume");
    }

    /** Starts a Dispatcher whose handler for every vector prints "handled V". */
    void startDispatcher() {
        process.call("dispatcher");
    }

    /** @return the vector of the next handler the dispatcher ran */
    int nextHandled() {
        return Integer.parseInt(process.expect("handled ").substring("handled ".length()));
    }

    /**
     * Starts a sleeper (Thread.sleep) and a taker (BlockingQueue.take) in the child, waits
     * until both are blocked, and starts a dispatcher that interrupts each on its vector.
     *
     * @return the two threads' states once blocked
     */
    String startInterrupters(final int sleepVector, final int takeVector) {
        return process.call("interrupters " + sleepVector + " " + takeVector);
    }

    /** @return the sleeper's and the taker's thread states */
    String threadStates() {
        return process.call("threads");
    }

    /** Waits until the child reports that thread {@code name} was interrupted out of its blocking call. */
    void expectInterrupted(final String name) {
        process.expect("interrupted " + name);
    }

    /** @return whether the child deleted the domain file (as its creator may when done) */
    boolean deleteDomainFile() {
        return Boolean.parseBoolean(process.call("delete"));
    }

    /** Closes (unregisters) the child's receiver; the child keeps running. */
    void closeReceiver() {
        process.call("close");
    }

    @Override
    public void close() {
        process.close();
    }
}
