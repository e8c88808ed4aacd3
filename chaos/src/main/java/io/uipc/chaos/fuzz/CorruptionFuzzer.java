package io.uipc.chaos.fuzz;

import io.uipc.core.internal.FileTrees;
import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.table.GroupSpec;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.MemberHandle;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.OwnThread;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The corruption fuzzer: a live group (two members, an inbox, a cached send target) whose
 * shared files (process table header, entries and name index; domain header, UPIDs and UITT
 * entries; inbox header, records and trailer) it overwrites with seeded random bytes, then it
 * runs the readers (attach and validate, lookup, members(), send, poll and await, inbox connect,
 * offer and drain, join, reap) and classifies what each did: a clean result, a negative
 * {@link SendResult}, a {@link UipcException} (a reported error), or a failure: any other
 * exception (an {@link IndexOutOfBoundsException} means a reader trusted an index it read).
 * A watchdog thread reports a reader that hangs. After each round the files are restored, so
 * each round tests one fresh corruption of a working group.
 *
 * <p>Run it in its own JVM (a crash must not take the caller with it): arguments
 * {@code <group root> <seed> <mutations>}. Prints {@code outcome <reader> <kind> <count>} lines,
 * {@code FAILURE ...} with stack traces, and {@code fuzz: ... failures N}; exit 0 without failures.
 */
public final class CorruptionFuzzer {
    private static final int ENTRIES = 8;
    private static final int UPIDS = 16;
    private static final int UITT = 64;
    private static final int RING = 1024;
    private static final int DOORBELL = 1;
    private static final int POKE = 2;
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final int MAX_FAILURES_PRINTED = 20;

    private final Path root;
    private final SplittableRandom random;
    private final long mutationsWanted;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final AtomicLong progress = new AtomicLong();
    private volatile String currentReader = "setup";
    private volatile String currentRegions = "";
    private final Region[] regions = Region.of(ENTRIES, UPIDS, UITT, "inbox.a", RING);
    private final Map<String, UnsafeBuffer> mapped = new TreeMap<>();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
    private ProcessGroup group;
    private Member a;
    private Member b;
    private Inbox inbox;
    private Target target;
    private String secret;
    private volatile boolean lost;
    private long mutations;
    private long readerCalls;
    private long failures;
    private long rebuilds;

    private CorruptionFuzzer(final Path root, final long seed, final long mutations) {
        this.root = root;
        this.random = new SplittableRandom(seed);
        this.mutationsWanted = mutations;
    }

    /**
     * Runs the fuzzer and exits 0 if no reader failed, 1 otherwise.
     *
     * @param args group root, seed, mutations
     * @throws Exception if the watchdog is interrupted
     */
    public static void main(final String[] args) throws Exception {
        final CorruptionFuzzer fuzzer = new CorruptionFuzzer(Paths.get(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]));
        final Thread worker = new Thread(fuzzer::runQuietly, "fuzz-worker");
        worker.start();
        fuzzer.watch(worker);
        System.exit(fuzzer.failures == 0 ? 0 : 1);
    }

    private void watch(final Thread worker) throws InterruptedException {
        long seen = -1;
        long since = System.nanoTime();
        while (worker.isAlive()) {
            worker.join(500);
            final long now = progress.get();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > HANG.toNanos()) {
                final StringBuilder stack = new StringBuilder();
                for (final StackTraceElement e : worker.getStackTrace()) {
                    stack.append("\n    at ").append(e);
                }
                System.out.println("FAILURE hang: reader " + currentReader + " made no progress for " + HANG + " after corrupting "
                    + currentRegions + stack);
                System.out.flush();
                Runtime.getRuntime().halt(2);
            }
        }
    }

    private void runQuietly() {
        try {
            run();
        } catch (final Exception e) {
            failures++;
            System.out.println("FAILURE fuzzer: " + stack(e));
        }
    }

    private void run() throws IOException {
        build();
        final long started = System.nanoTime();
        while (mutations < mutationsWanted) {
            round();
            progress.incrementAndGet();
            if (lost) {
                rebuild();
            }
        }
        teardown();
        outcomes.forEach((k, v) -> System.out.println("outcome " + k + " " + v));
        System.out.printf("fuzz: mutations %d, reader calls %d, rebuilds %d, failures %d, %.1f s%n", mutations, readerCalls, rebuilds,
            failures, (System.nanoTime() - started) / 1e9);
    }

    private void round() {
        final Map<String, byte[]> saved = new TreeMap<>();
        mapped.forEach((file, buffer) -> {
            final byte[] copy = new byte[buffer.capacity()];
            buffer.getBytes(0, copy);
            saved.put(file, copy);
        });
        final StringBuilder touched = new StringBuilder();
        final int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            touched.append(mutate()).append("; ");
        }
        currentRegions = touched.toString();
        final boolean all = random.nextInt(32) == 0;
        for (final Reader r : Reader.values()) {
            if (all || random.nextInt(Reader.values().length) < 3) {
                call(r);
            }
        }
        saved.forEach((file, copy) -> mapped.get(file).putBytes(0, copy));
    }

    /** One mutation: random bytes, all-ones, zeros, a flipped bit or a boundary int, somewhere in a random region. */
    private String mutate() {
        final Region region = regions[random.nextInt(regions.length)];
        final UnsafeBuffer buffer = mapped.get(region.file());
        final int at = region.offset() + random.nextInt(region.length());
        final int room = Math.min(8, region.offset() + region.length() - at);
        mutations++;
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(room); i++) {
                    buffer.putByte(at + i, (byte) random.nextInt(256));
                }
            }
            case 1 -> buffer.setMemory(at, 1 + random.nextInt(room), (byte) 0xFF);
            case 2 -> buffer.setMemory(at, 1 + random.nextInt(room), (byte) 0);
            case 3 -> buffer.putByte(at, (byte) (buffer.getByte(at) ^ (1 << random.nextInt(8))));
            default -> {
                final int aligned = Math.max(region.offset(), at & ~3);
                if (aligned + 4 <= region.offset() + region.length()) {
                    final int[] edges = {-1, 0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, ENTRIES, UPIDS, UITT, RING, 0x7FFF_FFF8};
                    buffer.putInt(aligned, edges[random.nextInt(edges.length)]);
                }
            }
        }
        return region.name() + "@" + at;
    }

    /** The readers, each run against the corrupted group. */
    private enum Reader {
        ATTACH, LOOKUP, MEMBERS, SEND, POLL, INBOX_CONNECT, INBOX_DRAIN, JOIN, REAP
    }

    private void call(final Reader reader) {
        currentReader = reader.name();
        readerCalls++;
        String kind;
        try {
            kind = read(reader);
        } catch (final UipcException e) {
            kind = "error:" + e.getClass().getSimpleName();
        } catch (final RuntimeException | Error e) {
            kind = "FAILURE:" + e.getClass().getSimpleName();
            if (++failures <= MAX_FAILURES_PRINTED) {
                System.out.println("FAILURE reader " + reader + " after corrupting " + currentRegions + ": " + stack(e));
            }
            lost = true;
        }
        outcomes.merge(reader.name().toLowerCase() + " " + kind, 1L, Long::sum);
        progress.incrementAndGet();
    }

    private String read(final Reader reader) {
        switch (reader) {
            case ATTACH -> {
                try (ProcessGroup other = ProcessGroup.attach(group.directory())) {
                    return "ok(" + other.members().size() + " members)";
                }
            }
            case LOOKUP -> {
                final long h = group.lookup("a");
                group.lookup("b");
                group.lookup("absent");
                if (MemberHandle.isNull(h)) {
                    return "not-found";
                }
                return group.isLive(h) && group.uittHandle(h, POKE) != ProcessGroup.NO_UITT_HANDLE ? "ok" : "stale";
            }
            case MEMBERS -> {
                group.members();
                group.liveMemberNames();
                return "ok";
            }
            case SEND -> {
                final int cached = b.send(target);
                final int byName = b.sendTo("a", POKE);
                final int bare = group.domain().sendIndex(random.nextInt(UITT + 8) - 4);
                return code(Math.min(cached, Math.min(byName, bare)));
            }
            case POLL -> {
                a.receiver().poll();
                a.receiver().await(100, TimeUnit.MICROSECONDS);
                return "ok";
            }
            case INBOX_CONNECT -> {
                final Outbox outbox = Outbox.connect(b, "a");
                return "offer:" + outbox.offer(1, message, 0, Math.min(message.capacity(), outbox.maxMessageLength()));
            }
            case INBOX_DRAIN -> {
                return "drained:" + Math.min(1, inbox.drain((type, buffer, index, length) -> { }, 16));
            }
            case JOIN -> {
                OwnThread.call("join", () -> group.join(JoinOptions.named("j").secret(secret))).close();
                return "ok";
            }
            default -> {
                return "reaped:" + Math.min(1, group.reap());
            }
        }
    }

    private static String code(final int result) {
        return result >= 0 ? "sent" : "send:" + SendResult.describe(result).split(":")[0];
    }

    private void build() throws IOException {
        group = ProcessGroup.create(GroupSpec.named("fuzz").withRoot(root).withCapacities(ENTRIES, UPIDS, UITT));
        group.onMemberLost(e -> lost = true);
        secret = group.readSecret();
        a = group.join(JoinOptions.named("a").secret(secret));
        b = OwnThread.call("join-b", () -> group.join(JoinOptions.named("b").secret(secret)));
        inbox = Inbox.open(a, DOORBELL, InboxConfig.defaults().withCapacity(RING).withMaxMessageLength(16));
        a.accept(POKE);
        target = group.resolve("a", POKE);
        for (final String file : new String[] {"table", "domain", "inbox.a"}) {
            try (FileChannel ch = FileChannel.open(group.directory().resolve(file), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                mapped.put(file, new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size())));
            }
        }
        lost = false;
    }

    private void rebuild() throws IOException {
        rebuilds++;
        teardown();
        build();
    }

    private void teardown() {
        final Path dir = group.directory();
        try {
            group.close();
        } catch (final RuntimeException e) {
            outcomes.merge("teardown error:" + e.getClass().getSimpleName(), 1L, Long::sum);
        }
        mapped.clear();
        try {
            FileTrees.delete(dir);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stack(final Throwable e) {
        final StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
