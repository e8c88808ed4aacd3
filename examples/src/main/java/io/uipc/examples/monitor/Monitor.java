package io.uipc.examples.monitor;

import io.uipc.examples.ExampleCommand;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupVectors;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PMON-like watcher: prints every member that joins or goes, by diffing the process table
 * every {@code --period} (default 100 ms) and on every death notice (the vector the reaper posts
 * after reclaiming a dead member). A member that vanished while the group's death counter rose
 * died and was reaped; otherwise it left.
 *
 * <p>{@code --period DURATION}; {@code --exit-when-alone true} ends it once every other member
 * it saw has gone; vector 0 (the launcher's shutdown vector) ends it too.
 */
public final class Monitor {
    /** The death-notice vector this monitor asks for. */
    public static final int DEATH_NOTICE_VECTOR = 6;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Monitor() {
    }

    /**
     * Runs the monitor.
     *
     * @param args see the class comment
     */
    public static void main(final String[] args) {
        final Options o = ExampleCommand.parse(new Options(), args);
        final long periodNanos = o.period.toNanos();
        final boolean exitWhenAlone = o.exitWhenAlone;
        final JoinOptions options = GroupEnvironment.joinOptions().deathNotice(DEATH_NOTICE_VECTOR);
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member me = group.join(options)) {
            me.accept(GroupVectors.SHUTDOWN);
            Map<String, MemberInfo> known = others(group, me);
            long deaths = group.deathsReaped();
            print("MONITOR watching group " + group.name() + " (" + group.directory() + "): " + known.size() + " other member(s)");
            known.values().forEach(m -> print("PRESENT " + describe(m)));
            boolean sawOthers = !known.isEmpty();
            int joins = 0;
            int leaves = 0;
            int deathsSeen = 0;
            for (;;) {
                final long vectors = me.receiver().await(periodNanos, TimeUnit.NANOSECONDS);
                if ((vectors & (1L << GroupVectors.SHUTDOWN)) != 0) {
                    print("MONITOR stopping: shutdown vector; " + tally(joins, leaves, deathsSeen));
                    break;
                }
                final Map<String, MemberInfo> now = others(group, me);
                long died = group.deathsReaped() - deaths;
                deaths += died;
                for (final MemberInfo m : known.values()) {
                    final MemberInfo still = now.get(m.name());
                    if (still == null || still.generation() != m.generation()) {
                        final boolean reaped = died > 0;
                        died -= reaped ? 1 : 0;
                        deathsSeen += reaped ? 1 : 0;
                        leaves += reaped ? 0 : 1;
                        print(reaped ? "DIED " + describe(m) + "; reaped, slot " + m.slot() + " reclaimed" : "LEFT " + describe(m));
                    }
                }
                for (final MemberInfo m : now.values()) {
                    final MemberInfo before = known.get(m.name());
                    if (before == null || before.generation() != m.generation()) {
                        print("JOINED " + describe(m));
                        joins++;
                    }
                }
                if ((vectors & (1L << DEATH_NOTICE_VECTOR)) != 0) {
                    print("NOTICE the reaper reports a death (" + group.deathsReaped() + " reaped in this group so far)");
                }
                sawOthers |= !now.isEmpty();
                known = now;
                if (exitWhenAlone && sawOthers && now.isEmpty()) {
                    print("MONITOR stopping: every other member has gone; " + tally(joins, leaves, deathsSeen));
                    break;
                }
            }
        }
    }

    private static Map<String, MemberInfo> others(final ProcessGroup group, final Member me) {
        final Map<String, MemberInfo> map = new LinkedHashMap<>();
        for (final MemberInfo m : group.members()) {
            if (m.state() == MemberState.ACTIVE && m.slot() != me.slot()) {
                map.put(m.name(), m);
            }
        }
        return map;
    }

    private static String tally(final int joins, final int leaves, final int deaths) {
        return "saw " + joins + " join(s), " + leaves + " leave(s), " + deaths + " death(s)";
    }

    private static String describe(final MemberInfo m) {
        return m.name() + " pid " + m.pid() + " role " + m.role() + " slot " + m.slot() + " serial " + Integer.toUnsignedString(m.generation());
    }

    private static void print(final String line) {
        System.out.println(line + "  [" + LocalTime.now().format(CLOCK) + "]");
    }

    /** The monitor's command line. */
    @Command(name = "monitor", description = "Prints every member that joins, leaves or dies.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--period", paramLabel = "DURATION", description = "How often to diff the process table (default: 100ms).")
        Duration period = Duration.ofMillis(100);
        @Option(names = "--exit-when-alone", arity = "0..1", paramLabel = "BOOL",
            description = "End once every other member seen has gone.")
        boolean exitWhenAlone;
    }
}
