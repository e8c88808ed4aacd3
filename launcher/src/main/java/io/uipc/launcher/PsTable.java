package io.uipc.launcher;

import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;

import java.io.PrintStream;
import java.util.List;

import static io.uipc.launcher.TerminalText.escape;

/** The text form of {@code uipc ps}: a group's process table, like Oracle's V$PROCESS. */
public final class PsTable {
    private PsTable() {
    }

    /**
     * Prints the table as text. Every string read from shared memory is printed through
     * {@link TerminalText#escape}.
     *
     * @param g   an attached group
     * @param out where
     */
    public static void print(final ProcessGroup g, final PrintStream out) {
        print(GroupStatus.read(g), out);
    }

    /**
     * Prints a group's status as text, as {@link #print(ProcessGroup, PrintStream)} does.
     *
     * @param s   the group's status
     * @param out where
     */
    public static void print(final GroupStatus s, final PrintStream out) {
        out.printf("group %s at %s: backend %s, %d of %d entries used, reaper: %s, %d deaths reaped,"
                + " layout versions: process table %d, domain %d%n", escape(s.group()), escape(s.directory().toString()),
            escape(s.backend()), s.members().size(), s.capacity(), s.reaper().describe(), s.deathsReaped(), s.tableLayoutVersion(),
            s.domainLayoutVersion());
        printMembers(s.members(), out);
    }

    /** Prints the header line and one row per member. */
    static void printMembers(final List<MemberStatus> members, final PrintStream out) {
        int nameWidth = 4;
        for (final MemberStatus m : members) {
            nameWidth = Math.max(nameWidth, escape(m.entry().name()).length());
        }
        final String format = "%4s %6s %7s %-" + nameWidth + "s %-10s %-8s %-24s %9s %8s %8s %8s%n";
        out.printf(format, "SLOT", "SERIAL", "PID", "NAME", "ROLE", "STATE", "UITT (vector:index)", "HEARTBEAT", "SENT", "FAILED",
            "RECEIVED");
        for (final MemberStatus s : members) {
            final MemberInfo m = s.entry();
            out.printf(format, m.slot(), Integer.toUnsignedString(m.generation()), m.pid(), escape(m.name()), escape(m.role()),
                escape(s.state()), escape(String.join(" ", m.uittIndices())), m.heartbeatAgeMs() + " ms", m.sent(), m.failed(),
                m.received());
        }
    }
}
