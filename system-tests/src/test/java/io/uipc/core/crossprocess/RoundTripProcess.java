package io.uipc.core.crossprocess;

import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.WaitPolicy;
import io.uipc.testing.CommandLoop;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.uipc.testing.CommandLoop.print;

/**
 * Child JVM main for the no-lost-wake-up stress: one party of an all-to-all round barrier run
 * entirely through uipc. A party owns a receiver with {@link WaitPolicy#BLOCK} and one UITT
 * entry per peer (peer {@code i} posts vector {@code i}). Each round it either sends to every
 * peer and then waits until it holds one vector from every peer ("send-first": the senders,
 * whose peers' vectors are acknowledgements), or waits first and then sends ("receive-first":
 * the receivers, who acknowledge). A round's vectors can only be sent once every peer finished
 * the previous round, so a vector arriving twice in a round, a coalesced send or a failed send
 * is an error; a lost wake-up leaves the party blocked for good and the test times out.
 *
 * <p>Commands: {@code open PEERS} (reply: the handles of vectors 0..PEERS-1),
 * {@code run ROUNDS send-first|receive-first HANDLE...} (one handle per peer; the party later
 * prints "done ..." or an error line), {@code status}.
 */
public final class RoundTripProcess {
    private static final int PROGRESS_LINES = 10;

    private final InterruptDomain domain;
    private Receiver receiver;
    private volatile int round;
    private volatile long received;

    private RoundTripProcess(final InterruptDomain domain) {
        this.domain = domain;
    }

    /** @param args "attach PATH" */
    public static void main(final String[] args) {
        new RoundTripProcess(ChildDomain.open(args)).commands().run();
    }

    private CommandLoop commands() {
        return new CommandLoop()
            .on("open", a -> {
                receiver = domain.registerReceiver();
                receiver.waitPolicy(WaitPolicy.BLOCK);
                final StringBuilder handles = new StringBuilder();
                for (int v = 0; v < Integer.parseInt(a[0]); v++) {
                    handles.append(v == 0 ? "" : " ").append(receiver.registerVector(v));
                }
                return handles.toString();
            })
            .on("run", a -> {
                final int rounds = Integer.parseInt(a[0]);
                final boolean sendFirst = a[1].equals("send-first");
                final long[] peers = Arrays.stream(a, 2, a.length).mapToLong(Long::parseLong).toArray();
                final Thread worker = new Thread(() -> runAndReport(rounds, sendFirst, peers), "round-trip");
                worker.setDaemon(true);
                worker.start();
                return "started";
            })
            .on("status", a -> "round=" + round + " received=" + Long.toHexString(received) + " " + Counters.of(receiver).line());
    }

    private void runAndReport(final int rounds, final boolean sendFirst, final long[] peers) {
        try {
            final long start = System.nanoTime();
            final long woken = run(rounds, sendFirst, peers);
            print("done rounds=" + rounds + " millis=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " woken=" + woken + " " + Counters.of(receiver).line());
        } catch (final RuntimeException e) {
            print(CommandLoop.ERROR + " run " + e);
        }
    }

    /** @return how many of this party's sends woke a blocked peer */
    private long run(final int rounds, final boolean sendFirst, final long[] peers) {
        final long all = peers.length == 64 ? -1L : (1L << peers.length) - 1;
        final int progressEvery = Math.max(1, rounds / PROGRESS_LINES);
        long woken = 0;
        for (int r = 0; r < rounds; r++) {
            round = r;
            if (sendFirst) {
                woken += sendToAll(peers, r);
            }
            long got = 0;
            while (got != all) {
                final long vectors = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                if ((vectors & got) != 0 || (vectors & ~all) != 0) {
                    throw new IllegalStateException("round " + r + ": took " + Long.toHexString(vectors)
                        + " after " + Long.toHexString(got) + ": a vector arrived twice or from no peer");
                }
                got |= vectors;
                received = got;
            }
            if (!sendFirst) {
                woken += sendToAll(peers, r);
            }
            if ((r + 1) % progressEvery == 0) {
                print("progress round=" + (r + 1));
            }
        }
        return woken;
    }

    private long sendToAll(final long[] peers, final int r) {
        long woken = 0;
        for (final long peer : peers) {
            final int code = domain.send(peer);
            if (code == SendResult.WOKEN) {
                woken++;
            } else if (code != SendResult.NOTIFIED && code != SendResult.POSTED) {
                throw new IllegalStateException("round " + r + ": send to " + peer + ": " + SendResult.describe(code));
            }
        }
        return woken;
    }

    /** @return handles joined for a "run" command */
    static String join(final long[] handles) {
        return Arrays.stream(handles).mapToObj(Long::toString).collect(Collectors.joining(" "));
    }
}
