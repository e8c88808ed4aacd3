package io.uipc.launcher.cli;

import io.uipc.launcher.metrics.TextFormatCheck;
import io.uipc.launcher.metrics.TextFormatCheck.Sample;
import io.uipc.launcher.testapp.CountingMember;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uipc metrics} on a group of two member JVMs that send to each other: every value the
 * strict reader finds is the count of the sends made (and failed), the liveness and the inbox; each member's
 * MXBean, read in its own JVM, says the same; a member killed and reaped shows in the group's counts;
 * {@code --output} writes a whole file and refuses a link.
 */
@Timeout(120)
class MetricsCommandTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void countsAreTheSendsMadeAndTheMembersSayTheSameThroughJmx() throws Exception {
        try (TempGroups groups = new TempGroups("metrics"); ProcessGroup group = groups.create("mx");
             JvmProcess a = member(group, "a"); JvmProcess b = member(group, "b")) {
            final String dir = groups.root().toString();
            final String pidA = a.call("join 1");
            final String pidB = b.call("join 1");
            assertEquals("5", a.call("send b 1 5"), "5 sends to b: 1 posted, 4 coalesced");
            assertEquals("2", b.call("take"));
            assertEquals("3", b.call("send a 1 3"));
            assertEquals("2", a.call("take"));
            assertEquals("4", a.call("sendto nobody 1 4"), "no such member");
            assertEquals("2", b.call("sendto a 9 2"), "a does not accept vector 9");

            final List<Sample> s = await(dir, samples -> value(samples, "uipc_member_sent_total", pidA).orElse(-1.0) == 5
                && value(samples, "uipc_member_sent_total", pidB).orElse(-1.0) == 3
                && value(samples, "uipc_member_failed_sends_total", pidA).orElse(-1.0) == 4
                && value(samples, "uipc_member_failed_sends_total", pidB).orElse(-1.0) == 2);
            assertEquals(1.0, value(s, "uipc_member_received_total", pidB).orElseThrow());
            assertEquals(4.0, value(s, "uipc_member_coalesced_total", pidB).orElseThrow());
            assertEquals(1.0, value(s, "uipc_member_received_total", pidA).orElseThrow());
            assertEquals(2.0, value(s, "uipc_member_coalesced_total", pidA).orElseThrow());
            assertEquals(0.0, value(s, "uipc_member_wakeups_total", pidA).orElseThrow(), "nobody slept");
            assertEquals(1.0, value(s, "uipc_member_up", pidA).orElseThrow());
            assertEquals(1.0, value(s, "uipc_member_up", pidB).orElseThrow());
            assertTrue(value(s, "uipc_member_heartbeat_age_seconds", pidA).orElseThrow() >= 0);
            assertEquals("a", label(s, "uipc_member_sent_total", pidA, "member"));
            assertEquals("mx", label(s, "uipc_member_sent_total", pidA, "group"));
            assertEquals(2.0, groupValue(s, "uipc_group_members", "alive"));
            assertEquals(0.0, groupValue(s, "uipc_group_members", "dead"));
            assertEquals((double) group.capacity(), groupValue(s, "uipc_group_capacity", null));
            assertTrue(s.stream().noneMatch(x -> x.name().equals("uipc_member_mailbox_depth")));

            assertEquals("5", a.call("jmx Sent"));
            assertEquals("3", b.call("jmx Sent"));
            assertEquals("4", a.call("jmx Failed"));
            assertEquals("2", b.call("jmx Failed"));
            assertEquals("1", b.call("jmx Received"));
            assertEquals("4", b.call("jmx Coalesced"));
            assertEquals("2", a.call("jmx Coalesced"));

            b.call("inbox 5");
            assertEquals("3", a.call("mail b 3"));
            final List<Sample> mailed = await(dir, x -> value(x, "uipc_member_mailbox_depth", pidB).isPresent());
            assertTrue(value(mailed, "uipc_member_mailbox_depth", pidB).orElseThrow() == 3, mailed::toString);
            assertTrue(value(mailed, "uipc_member_mailbox_depth", pidA).isEmpty());

            a.kill();
            final List<Sample> reaped = await(dir, x -> groupValue(x, "uipc_group_deaths_reaped_total", null) == 1
                && value(x, "uipc_member_up", pidA).isEmpty());
            assertEquals(1.0, groupValue(reaped, "uipc_group_members", "alive"));
            assertEquals("true", b.call("leave"), "the MXBean goes with the member");
        }
    }

    @Test
    void outputReplacesAFileWholeAndRefusesALink() throws IOException {
        try (TempGroups groups = new TempGroups("metrics-out"); ProcessGroup group = groups.create("mo")) {
            final String dir = groups.root().toString();
            final Path file = groups.root().resolve("uipc.prom");
            final InProcessCli.Result written = InProcessCli.run("metrics", "mo", "--dir", dir, "--output", file.toString());
            assertEquals(0, written.exitCode(), written::toString);
            assertEquals("", written.out());
            assertEquals(0.0, groupValue(TextFormatCheck.parse(Files.readString(file)), "uipc_group_members", "alive"));
            final Path victim = Files.writeString(groups.root().resolve("victim"), "keep");
            final Path link = Files.createSymbolicLink(groups.root().resolve("link.prom"), victim);
            final InProcessCli.Result refused = InProcessCli.run("metrics", "mo", "--dir", dir, "--output", link.toString());
            assertEquals(1, refused.exitCode(), refused::toString);
            assertEquals(1, refused.err().strip().lines().count(), refused::toString);
            assertTrue(refused.err().contains("symbolic link"), refused::toString);
            assertEquals("keep", Files.readString(victim));
            final InProcessCli.Result missing = InProcessCli.run("metrics", "none", "--dir", dir);
            assertEquals(1, missing.exitCode(), missing::toString);
            assertEquals(2, InProcessCli.run("metrics").exitCode());
            assertTrue(group.members().isEmpty());
        }
    }

    private static JvmProcess member(final ProcessGroup group, final String name) {
        return JvmProcess.builder(name, CountingMember.class).environment(TempGroups.memberEnvironment(group, name, "counter")).start();
    }

    /** Runs {@code uipc metrics} until its samples satisfy {@code done}, checking every output against the format. */
    private static List<Sample> await(final String dir, final Predicate<List<Sample>> done) {
        final long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            final InProcessCli.Result r = InProcessCli.run("metrics", "mx", "--dir", dir);
            assertEquals(0, r.exitCode(), r::toString);
            final List<Sample> samples = TextFormatCheck.parse(r.out());
            if (done.test(samples)) {
                return samples;
            }
            assertTrue(System.nanoTime() - deadline < 0, () -> "metrics never got there:\n" + r.out());
            Thread.onSpinWait();
        }
    }

    private static Optional<Double> value(final List<Sample> samples, final String name, final String pid) {
        return samples.stream().filter(s -> s.name().equals(name) && pid.equals(s.labels().get("pid"))).map(Sample::value).findFirst();
    }

    private static String label(final List<Sample> samples, final String name, final String pid, final String label) {
        return samples.stream().filter(s -> s.name().equals(name) && pid.equals(s.labels().get("pid"))).findFirst().orElseThrow()
            .labels().get(label);
    }

    private static double groupValue(final List<Sample> samples, final String name, final String state) {
        return samples.stream().filter(s -> s.name().equals(name) && (state == null || state.equals(s.labels().get("state"))))
            .findFirst().orElseThrow(() -> new AssertionError("no " + name)).value();
    }
}
