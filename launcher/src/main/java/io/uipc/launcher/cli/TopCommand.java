package io.uipc.launcher.cli;

import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code uipc top}: a group's members live, refreshed every interval. On a terminal it redraws
 * in place until {@code q} or Ctrl-C; otherwise (or with {@code --json}) it writes one JSON object
 * per refresh per line. It attaches the group read-only, as {@code uipc ps} does.
 */
@Command(name = "top", mixinStandardHelpOptions = true, description = {
    "Show a group's members live, refreshed every interval, like top(1).",
    "Per member: pid, name, state, interrupts sent, failed, received and coalesced per second, wake-ups per "
        + "second, unread records in its inbox (MAILBOX, '-' without one), heartbeat age. Rates are the counters' "
        + "differences between two refreshes over the time measured between them ('-' on the first).",
    "On a terminal it redraws in place; q or Ctrl-C quits. When stdout is not a terminal, or with --json, it "
        + "writes one JSON object per refresh per line."})
public final class TopCommand implements Callable<Integer> {
    private static final double MIN_INTERVAL = 0.1;
    private static final double MAX_INTERVAL = 3600;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double MILLIS = 1e3;
    private static final double TENTHS = 10;

    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Mixin
    GroupDir dir;
    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
        description = "Seconds between refreshes, 0.1 to 3600 (default: ${DEFAULT-VALUE}).")
    double interval;
    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
        description = "Stop after N refreshes (default: until q or Ctrl-C).")
    long count;
    @Option(names = "--json", description = "One JSON object per refresh per line, even on a terminal.")
    boolean json;

    private final CountDownLatch quit = new CountDownLatch(1);

    /** Creates the command; picocli sets its options. */
    public TopCommand() {
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(interval >= MIN_INTERVAL && interval <= MAX_INTERVAL)) {
            throw new UsageException("--interval must be " + MIN_INTERVAL + " to " + (long) MAX_INTERVAL + " seconds, not " + interval);
        }
        if (count < 0) {
            throw new UsageException("--count must be 0 (no limit) or more, not " + count);
        }
        try (ProcessGroup g = ProcessGroup.attach(dir.of(group))) {
            if (json || !Terminal.stdoutIsTerminal()) {
                loop(g, this::printJson);
                return 0;
            }
            try (Terminal t = Terminal.cbreak(this::key)) {
                loop(g, (now, rates) -> draw(t, now, rates));
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot use the terminal (try --json): " + e.getMessage(), e);
            }
        }
        return 0;
    }

    /** One refresh's output. */
    private interface Frame {
        /** @return false to stop (the output is gone) */
        boolean show(GroupStatus now, MemberRates rates);
    }

    private void loop(final ProcessGroup g, final Frame frame) throws InterruptedException {
        final long period = (long) (interval * NANOS_PER_SECOND);
        GroupStatus previous = null;
        long next = System.nanoTime();
        for (long tick = 1; count == 0 || tick <= count; tick++) {
            final GroupStatus now = GroupStatus.read(g);
            if (!frame.show(now, MemberRates.between(previous, now)) || tick == count) {
                return;
            }
            previous = now;
            next += period;
            if (quit.await(next - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return;
            }
        }
    }

    private void key(final int c) {
        if (c == 'q' || c == 'Q' || c < 0) {
            quit.countDown();
        }
    }

    private boolean draw(final Terminal terminal, final GroupStatus now, final MemberRates rates) {
        final int[] size = terminal.size();
        System.out.print(TopScreen.render(TopScreen.lines(now, rates, interval, size[0], size[1])));
        System.out.flush();
        return !System.out.checkError();
    }

    private boolean printJson(final GroupStatus now, final MemberRates rates) {
        final Map<String, Object> doc = StatusJson.group(now);
        doc.put("interval_s", interval);
        doc.put("elapsed_s", round(rates.seconds(), MILLIS));
        final List<Object> members = new ArrayList<>();
        for (final MemberStatus m : now.members()) {
            final Map<String, Object> row = StatusJson.member(m);
            final MemberRates.Rates r = rates.of(m);
            row.put("sent_per_s", r == null ? null : round(r.sent(), TENTHS));
            row.put("failed_per_s", r == null ? null : round(r.failed(), TENTHS));
            row.put("received_per_s", r == null ? null : round(r.received(), TENTHS));
            row.put("coalesced_per_s", r == null ? null : round(r.coalesced(), TENTHS));
            row.put("wakeups_per_s", r == null ? null : round(r.wakeups(), TENTHS));
            members.add(row);
        }
        doc.put("members", members);
        System.out.println(Json.write(doc));
        return !System.out.checkError();
    }

    /** Rounds to a fraction ({@code per} parts of one); NaN stays NaN (written as null). */
    private static double round(final double value, final double per) {
        return Double.isFinite(value) ? Math.round(value * per) / per : value;
    }
}
