package io.uipc.table;

import io.uipc.core.SendResult;
import io.uipc.core.UittHandle;
import io.uipc.testing.CommandLoop;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A group member in a child JVM, driven by {@link io.uipc.testing.JvmProcess} commands:
 * <pre>
 *   attach DIR                          attach the group; a lost member prints "lost ..." (no halt)
 *   join NAME SECRET NOTICE V,V,...     join (NOTICE: death-notice vector or -1), accept vectors
 *   send MODE VECTOR NAME...            send VECTOR to each NAME: MODE "name" looks up every time
 *                                       (lookup + uittHandle), "cached" resolves once and reuses
 *                                       the Target; replies the result codes
 *   collect MASK TIMEOUT_MS             (replies later) await until every vector of MASK (hex) is
 *                                       taken; replies the vectors taken, hex
 *   resolve NAME VECTOR                 cache a Target; replies its UITT handle
 *   sendcached NAME VECTOR              send through the cached Target; replies the result code
 *   serve PERIOD_US NAME...             background loop: await and count what arrives; every
 *                                       PERIOD_US send vector 2 to each NAME by name, counting
 *                                       sends that fail
 *   stats                               loop iterations, failed sends, counts per vector, lost flag
 *   stop                                stop the serve loop
 *   chaos MODE NAME SECRET PHASE NAME.. background loop for SIGKILL tests, writing its phase to
 *                                       the file PHASE: MODE "churn" joins, accepts, sends to each
 *                                       NAME, awaits and leaves, over and over; "steady" joins once,
 *                                       then sends and awaits; replies once it has joined
 *   leave                               leave the group
 * </pre>
 */
public final class MemberChild {
    /** Phase codes a chaos loop writes before each step. */
    static final byte JOIN = 1;
    static final byte ACCEPT = 2;
    static final byte SEND = 3;
    static final byte AWAIT = 4;
    static final byte LEAVE = 5;
    static final String[] PHASES = {"none", "join", "accept", "send", "await", "leave"};

    private final ExecutorService receiving = CommandLoop.daemonThread("receiving");
    private final Map<String, Target> targets = new HashMap<>();
    private final AtomicLongArray counts = new AtomicLongArray(64);
    private volatile ProcessGroup group;
    private volatile Member member;
    private volatile boolean running;
    private volatile long iterations;
    private volatile long failedSends;
    private volatile String lost = "no";

    private MemberChild() {
    }

    /** @param args none */
    public static void main(final String[] args) {
        final MemberChild child = new MemberChild();
        new CommandLoop()
            .on("attach", a -> child.attach(a[0]))
            .on("join", a -> child.join(a[0], a[1], Integer.parseInt(a[2]), a[3]))
            .on("send", child::send)
            .on("collect", a -> child.collect(Long.parseUnsignedLong(a[0], 16), Long.parseLong(a[1])))
            .on("resolve", a -> child.resolve(a[0], Integer.parseInt(a[1])))
            .on("sendcached", a -> Integer.toString(child.member.send(child.targets.get(a[0] + ":" + a[1]))))
            .on("serve", a -> child.serve(Long.parseLong(a[0]), java.util.Arrays.copyOfRange(a, 1, a.length)))
            .on("stats", a -> child.stats())
            .on("stop", a -> child.stop())
            .on("chaos", a -> child.chaos(a[0], a[1], a[2], Paths.get(a[3]), java.util.Arrays.copyOfRange(a, 4, a.length)))
            .on("leave", a -> {
                child.member.close();
                return "";
            })
            .run();
    }

    private String attach(final String dir) {
        group = ProcessGroup.attach(Paths.get(dir));
        group.onMemberLost(e -> {
            lost = e.getMessage().replace(' ', '_');
            CommandLoop.print("lost " + e.getMessage());
        });
        return Long.toString(ProcessHandle.current().pid());
    }

    private String join(final String name, final String secret, final int notice, final String vectors) {
        JoinOptions options = JoinOptions.named(name).secret(secret);
        if (notice >= 0) {
            options = options.deathNotice(notice);
        }
        member = group.join(options);
        for (final String v : vectors.split(",")) {
            member.accept(Integer.parseInt(v));
        }
        return member.slot() + " " + member.generation() + " " + member.receiver().upidIndex();
    }

    private String send(final String[] a) {
        final int vector = Integer.parseInt(a[1]);
        final StringJoiner codes = new StringJoiner(",");
        for (int i = 2; i < a.length; i++) {
            if (a[0].equals("cached")) {
                final Target t = targets.computeIfAbsent(a[i] + ":" + vector, k -> group.resolve(k.substring(0, k.indexOf(':')), vector));
                codes.add(Integer.toString(member.send(t)));
            } else {
                codes.add(Integer.toString(member.sendTo(a[i], vector)));
            }
        }
        return codes.toString();
    }

    private String collect(final long mask, final long timeoutMs) {
        CommandLoop.replyLater(receiving, "collect", () -> {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            long taken = 0;
            while ((taken & mask) != mask && System.nanoTime() - deadline < 0) {
                final long got = member.receiver().await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                tally(got);
                taken |= got;
            }
            return Long.toHexString(taken);
        });
        return null;
    }

    private void tally(final long vectors) {
        for (long bits = vectors; bits != 0; bits &= bits - 1) {
            counts.incrementAndGet(Long.numberOfTrailingZeros(bits));
        }
    }

    private String resolve(final String name, final int vector) {
        final Target t = group.resolve(name, vector);
        targets.put(name + ":" + vector, t);
        return UittHandle.toString(t.uittHandle());
    }

    private String serve(final long periodMicros, final String[] peers) {
        running = true;
        receiving.execute(() -> {
            final long period = TimeUnit.MICROSECONDS.toNanos(periodMicros);
            long nextSend = System.nanoTime();
            while (running) {
                tally(member.receiver().await(period, TimeUnit.NANOSECONDS));
                if (System.nanoTime() - nextSend >= 0) {
                    nextSend += period;
                    for (final String peer : peers) {
                        if (!SendResult.isPosted(member.sendTo(peer, 2))) {
                            failedSends++;
                        }
                    }
                }
                iterations++;
            }
        });
        return "";
    }

    private String stats() {
        final StringJoiner c = new StringJoiner(",");
        for (int v = 0; v < 64; v++) {
            if (counts.get(v) != 0) {
                c.add(v + ":" + counts.get(v));
            }
        }
        return "iterations=" + iterations + " failed=" + failedSends + " counts=" + c + " lost=" + lost;
    }

    private String stop() throws Exception {
        running = false;
        receiving.submit(() -> { }).get(10, TimeUnit.SECONDS);
        return stats();
    }

    private String chaos(final String mode, final String name, final String secret, final Path phaseFile, final String[] peers)
        throws IOException {
        final MappedByteBuffer phase;
        try (FileChannel ch = FileChannel.open(phaseFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            phase = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8);
        }
        final boolean churn = mode.equals("churn");
        final JoinOptions options = JoinOptions.named(name).secret(secret);
        member = group.join(options);
        member.accept(1);
        CommandLoop.replyLater(receiving, "chaos", () -> "joined " + member.slot());
        receiving.execute(() -> {
            final ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                for (;;) {
                    phase.put(0, SEND);
                    for (final String peer : peers) {
                        member.sendTo(peer, 1);
                    }
                    phase.put(0, AWAIT);
                    member.receiver().await(random.nextInt(200), TimeUnit.MICROSECONDS);
                    if (churn) {
                        phase.put(0, LEAVE);
                        member.close();
                        phase.put(0, JOIN);
                        member = group.join(options);
                        phase.put(0, ACCEPT);
                        member.accept(1);
                    }
                }
            } catch (final RuntimeException e) {
                CommandLoop.print(CommandLoop.ERROR + " chaos " + e);
            }
        });
        return null;
    }
}
