package io.uipc.core.crossprocess;

import io.uipc.core.Grant;
import io.uipc.core.InterruptDomain;
import io.uipc.core.ReceiverClosedException;
import io.uipc.core.WaitPolicy;
import io.uipc.testing.JvmProcess;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test's handle on a {@link ReceiverProcess} child JVM and the one receiver it holds. */
final class RemoteReceiver implements AutoCloseable {
    /** How the child answers a poll or await that threw {@link ReceiverClosedException}. */
    private static final String CLOSED = "closed ";

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

    boolean releaseGrant(final int vector) {
        return Boolean.parseBoolean(process.call("releasegrant " + vector));
    }

    /** @return the result code of a send from the child through the shared UITT */
    int send(final long handle) {
        return Integer.parseInt(process.call("send " + handle));
    }

    /** @return the index of the grant in the child's own private UITT */
    int registerGrant(final Grant grant) {
        return Integer.parseInt(process.call("registergrant " + grant.encode()));
    }

    /** @return the result code of a send from the child through its private UITT */
    int sendPrivate(final int privateIndex) {
        return Integer.parseInt(process.call("sendprivate " + privateIndex));
    }

    /**
     * Sends a command the child must refuse by throwing.
     *
     * @return its error line, "error VERB EXCEPTION: MESSAGE"
     */
    String refusal(final String command) {
        return errorLine(assertThrows(AssertionError.class, () -> process.call(command)));
    }

    private static String errorLine(final AssertionError e) {
        final String message = e.getMessage();
        return message.substring(message.indexOf(": error ") + 2).lines().findFirst().orElseThrow();
    }

    /** Starts {@code threads} sender threads in the child, each with its own blocking receiver ({@link SenderThreads}). */
    long[] startLoad(final int threads) {
        return Arrays.stream(process.call("load " + threads).split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** Lets the sender threads run {@code rounds} each, thread t sending to {@code targets[t]}; {@link #loadDone} waits. */
    void runLoad(final int rounds, final long[] targets) {
        process.send("run " + rounds + " " + LongStream.of(targets).mapToObj(Long::toString).collect(Collectors.joining(" ")));
    }

    /** @return "rounds=N woken=W" once every sender thread finished */
    String loadDone() {
        return process.reply("run");
    }

    /** Starts echoing, on the child's receiver thread, each vector t taken to {@code acks[t]}, {@code total} in all. */
    void startEcho(final long total, final long[] acks) {
        process.send("echo " + total + " " + LongStream.of(acks).mapToObj(Long::toString).collect(Collectors.joining(" ")));
    }

    /** @return "TOTAL WOKEN" once the echo took {@code total} vectors */
    String echoed() {
        return process.reply("echo");
    }

    /** @throws ReceiverClosedException as the child's poll threw it */
    long poll() {
        return vectors(process.call("poll"));
    }

    /** Starts an await on the child's receiver thread; {@link #awaited()} gets its result. */
    void startAwait(final long timeoutMillis) {
        process.send("await " + timeoutMillis);
    }

    /** @throws ReceiverClosedException as the child's await threw it */
    long awaited() {
        return vectors(process.reply("await"));
    }

    private static long vectors(final String reply) {
        if (reply.startsWith(CLOSED)) {
            throw new ReceiverClosedException(reply.substring(CLOSED.length()));
        }
        return Long.parseUnsignedLong(reply, 16);
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

    /**
     * Starts a Dispatcher whose handler for every vector prints "handled V", the one for
     * {@code held} only once {@link #release()} is called (it prints "holding V" first).
     */
    void startDispatcherHolding(final int held) {
        process.call("dispatcher " + held);
    }

    /** @return the vector whose handler the dispatcher is holding */
    int nextHolding() {
        return Integer.parseInt(process.expect("holding ").substring("holding ".length()));
    }

    /** Lets the held handler return. */
    void release() {
        process.call("release");
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

    /** Stops the child's dispatcher and closes its receiver if they are running: the state before "open". */
    void reset() {
        process.call("reset");
    }

    @Override
    public void close() {
        process.close();
    }
}
