package io.uipc.table.mailbox.bench;

import io.uipc.core.ChildJvm;
import io.uipc.core.DomainConfig;
import io.uipc.core.UipcException;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cross-process mailbox benchmark: 64-byte messages between JVMs of a temporary group.
 * <ul>
 *   <li>latency: ping-pong round trip / 2, by interrupt only and by mail (message plus
 *       doorbell each way; raw Agrona puts and typed Chronicle mail), in the same run, so the mailbox's cost over the bare interrupt is a
 *       ratio against a baseline measured alongside;</li>
 *   <li>throughput: 1 or more sender JVMs blasting into one receiver JVM's inbox; messages per
 *       second at the receiver, and one-way latency under that load (sampled 1 in 16).</li>
 * </ul>
 * Run {@code java -cp ... io.uipc.table.mailbox.bench.MailboxBench [options]} or call
 * {@link #run(Options)} (what {@code uipc bench --mailbox} does).
 */
public final class MailboxBench {
    private MailboxBench() {
    }

    /**
     * What to run.
     *
     * @param senders   sender counts for throughput runs (e.g. 1 and 4); empty skips them
     * @param messages  messages per throughput run, split between the senders
     * @param codec     "raw" (Agrona puts into the claimed record) or "chronicle" (typed Mail)
     * @param policy    wait policy of every process ("spin", "block", "spin-yield-block")
     * @param rounds    measured ping-pong rounds; 0 skips the latency runs
     * @param warmup    ping-pong warm-up rounds
     */
    public record Options(List<Integer> senders, long messages, String codec, String policy, long rounds, long warmup) {
        /** @return 1 and 4 senders, 10 M messages, raw, spin, 100 k rounds after 20 k warm-up */
        public static Options defaults() {
            return new Options(List.of(1, 4), 10_000_000, "raw", "spin", 100_000, 20_000);
        }
    }

    /**
     * @param args {@code --senders 1,4 --messages N --codec raw|chronicle --policy P --rounds N --warmup N}
     */
    public static void main(final String[] args) {
        Options o = Options.defaults();
        for (int i = 0; i + 1 < args.length; i += 2) {
            final String v = args[i + 1];
            switch (args[i]) {
                case "--senders": o = new Options(parseList(v), o.messages(), o.codec(), o.policy(), o.rounds(), o.warmup()); break;
                case "--messages": o = new Options(o.senders(), Long.parseLong(v), o.codec(), o.policy(), o.rounds(), o.warmup()); break;
                case "--codec": o = new Options(o.senders(), o.messages(), v, o.policy(), o.rounds(), o.warmup()); break;
                case "--policy": o = new Options(o.senders(), o.messages(), o.codec(), v, o.rounds(), o.warmup()); break;
                case "--rounds": o = new Options(o.senders(), o.messages(), o.codec(), o.policy(), Long.parseLong(v), o.warmup()); break;
                case "--warmup": o = new Options(o.senders(), o.messages(), o.codec(), o.policy(), o.rounds(), Long.parseLong(v)); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(o).forEach(System.out::println);
    }

    private static List<Integer> parseList(final String v) {
        final List<Integer> list = new ArrayList<>();
        for (final String s : v.split(",")) {
            if (!s.isBlank()) {
                list.add(Integer.parseInt(s.trim()));
            }
        }
        return list;
    }

    /**
     * Runs the benchmark in a temporary group (removed afterwards).
     *
     * @param o what to run
     * @return one report line per run
     */
    public static List<String> run(final Options o) {
        final List<String> report = new ArrayList<>();
        final Path root;
        try {
            root = Files.createTempDirectory(DomainConfig.defaultDirectory(), "uipc-bench-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final ProcessGroup group = ProcessGroup.create(GroupSpec.named("mailbox-bench").withRoot(root).withCapacities(64, 256, 1024));
        try {
            final String secret = group.readSecret();
            if (o.rounds() > 0) {
                for (final String kind : List.of("irq", "raw", "chronicle")) {
                    report.add(String.format(Locale.ROOT, "ping-pong %-9s %-5s %s", kind.equals("irq") ? "interrupt" : "mail-" + kind,
                        o.policy(), pingPong(group, secret, kind, o)));
                }
            }
            for (final int n : o.senders()) {
                report.add(String.format(Locale.ROOT, "%d-to-1 %s %s %s", n, o.codec(), o.policy(), throughput(group, secret, n, o)));
            }
        } finally {
            group.close();
            ProcessGroup.destroy(group.directory(), true);
            try (Stream<Path> left = Files.walk(root)) {
                for (final Path p : left.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            } catch (final IOException e) {
                report.add("could not remove " + root + ": " + e);
            }
        }
        return report;
    }

    private static String pingPong(final ProcessGroup group, final String secret, final String kind, final Options o) {
        try (Child pong = Child.start(group, secret, "pong", "pong", kind, o.policy(), "0")) {
            pong.expect("READY");
            try (Child ping = Child.start(group, secret, "ping", "ping", kind, o.policy(), String.valueOf(o.rounds()), String.valueOf(o.warmup()))) {
                return ping.expect("RESULT").substring("RESULT ".length());
            }
        } finally {
            group.reap();
        }
    }

    private static String throughput(final ProcessGroup group, final String secret, final int senders, final Options o) {
        final long each = o.messages() / senders;
        final List<Child> txs = new ArrayList<>();
        try (Child rx = Child.start(group, secret, "rx", "rx", o.codec(), o.policy(), String.valueOf(each), String.valueOf(senders))) {
            rx.expect("READY");
            for (int i = 0; i < senders; i++) {
                txs.add(Child.start(group, secret, "tx-" + i, "tx", o.codec(), o.policy(), String.valueOf(each)));
            }
            for (final Child tx : txs) {
                tx.expect("READY");
            }
            for (final Child tx : txs) {
                tx.say("GO");
            }
            final String result = rx.expect("RESULT").substring("RESULT ".length());
            for (final Child tx : txs) {
                tx.expect("DONE");
            }
            return result;
        } finally {
            txs.forEach(Child::close);
            group.reap();
        }
    }

    /** A member JVM of the benchmark, read line by line. */
    private static final class Child implements AutoCloseable {
        private final String name;
        private final Process process;
        private final BufferedReader out;
        private final List<String> seen = new ArrayList<>();

        private Child(final String name, final Process process) {
            this.name = name;
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child start(final ProcessGroup group, final String secret, final String name, final String... args) {
            final ProcessBuilder pb = ChildJvm.processBuilder(MailboxBenchMember.class, args);
            pb.environment().putAll(GroupEnvironment.forChild(group, name, "bench", secret));
            try {
                return new Child(name, pb.start());
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot start " + name, e);
            }
        }

        String expect(final String prefix) {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                    seen.add(line);
                }
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new UipcException("benchmark process " + name + " ended before printing " + prefix + ":\n" + String.join("\n", seen));
        }

        void say(final String line) {
            try {
                final OutputStream in = process.getOutputStream();
                in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                in.flush();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
