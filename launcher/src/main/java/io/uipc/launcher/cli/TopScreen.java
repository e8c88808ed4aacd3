package io.uipc.launcher.cli;

import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.MemberInfo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.uipc.launcher.TerminalText.escape;

/**
 * One frame of {@code uipc top} as text lines cut to the terminal's width and height: a header
 * (group, time, members alive and dead, reaper, deaths reaped) and one row per member. Strings
 * read from shared memory are escaped.
 */
final class TopScreen {
    /** Home, then each line cleared to its end, then the rest of the screen cleared: no scrolling, no flicker. */
    static final String HOME = "\033[H";
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final int MAX_NAME = 24;
    private static final double THOUSAND = 1e3;
    private static final double MILLION = 1e6;

    private TopScreen() {
    }

    /**
     * Lays out a frame.
     *
     * @param s        the group now
     * @param rates    rates since the previous frame
     * @param interval the refresh interval, seconds
     * @param columns  terminal width
     * @param rows     terminal height
     * @return the frame's lines, none longer than {@code columns}, at most {@code rows - 1}
     */
    static List<String> lines(final GroupStatus s, final MemberRates rates, final double interval, final int columns, final int rows) {
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "uipc top - group %s - %s - members: %d alive, %d dead", escape(s.group()),
            TIME.format(s.time()), s.alive(), s.dead()));
        lines.add(String.format(Locale.ROOT, "reaper: %s - deaths reaped: %d - backend %s - every %s s - q quits",
            s.reaper().describe(), s.deathsReaped(), escape(s.backend()), number(interval)));
        lines.add("");
        int nameWidth = 4;
        for (final MemberStatus m : s.members()) {
            nameWidth = Math.min(MAX_NAME, Math.max(nameWidth, escape(m.entry().name()).length()));
        }
        final String format = "%7s %-" + nameWidth + "s %-7s %8s %8s %8s %8s %8s %7s %9s";
        lines.add(String.format(Locale.ROOT, format, "PID", "NAME", "STATE", "SENT/s", "FAIL/s", "RECV/s", "COAL/s", "WAKE/s", "MAILBOX",
            "HEARTBEAT"));
        final int room = Math.max(1, rows - 1 - lines.size());
        final List<MemberStatus> members = s.members();
        for (int i = 0; i < members.size(); i++) {
            if (i == room - 1 && members.size() > room) {
                lines.add("... " + (members.size() - i) + " more");
                break;
            }
            lines.add(row(format, members.get(i), rates.of(members.get(i)), nameWidth));
        }
        final List<String> cut = new ArrayList<>(lines.size());
        for (final String line : lines) {
            cut.add(line.length() > columns ? line.substring(0, columns) : line);
        }
        return cut;
    }

    /**
     * Renders a frame for a terminal: home, each line cleared to its end, the rest cleared.
     *
     * @param lines the frame's lines
     * @return the text to print
     */
    static String render(final List<String> lines) {
        final StringBuilder sb = new StringBuilder(HOME);
        for (final String line : lines) {
            sb.append(line).append(CLEAR_LINE).append('\n');
        }
        return sb.append(CLEAR_BELOW).toString();
    }

    private static String row(final String format, final MemberStatus m, final MemberRates.Rates r, final int nameWidth) {
        final MemberInfo e = m.entry();
        String name = escape(e.name());
        if (name.length() > nameWidth) {
            name = name.substring(0, nameWidth - 1) + "~";
        }
        return String.format(Locale.ROOT, format, e.pid(), name, escape(m.state()), r == null ? "-" : rate(r.sent()),
            r == null ? "-" : rate(r.failed()), r == null ? "-" : rate(r.received()), r == null ? "-" : rate(r.coalesced()),
            r == null ? "-" : rate(r.wakeups()),
            m.hasInbox() ? Integer.toString(m.mailboxDepth()) : "-", age(Math.max(0, e.heartbeatAgeMs())));
    }

    /** A rate in at most 8 characters: 12.5, 9876.0, 12.3k, 4.56M. */
    static String rate(final double perSecond) {
        if (perSecond < THOUSAND * 10) {
            return String.format(Locale.ROOT, "%.1f", perSecond);
        }
        if (perSecond < MILLION) {
            return String.format(Locale.ROOT, "%.1fk", perSecond / THOUSAND);
        }
        return String.format(Locale.ROOT, "%.2fM", perSecond / MILLION);
    }

    private static String age(final long millis) {
        return millis < THOUSAND ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / THOUSAND);
    }

    private static String number(final double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
