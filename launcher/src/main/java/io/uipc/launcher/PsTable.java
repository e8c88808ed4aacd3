package io.uipc.launcher;

import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import io.uipc.table.ProcessGroup;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        final List<MemberInfo> members = g.members();
        out.printf("group %s at %s: backend %s, %d of %d entries used, reaper pid %d, %d deaths reaped,"
                + " layout versions: process table %d, domain %d%n", escape(g.name()),
            escape(g.directory().toString()), escape(g.domain().backendName()), members.size(), g.capacity(), g.reaperPid(),
            g.deathsReaped(), g.tableLayoutVersion(), g.domain().layoutVersion());
        printMembers(members, new HashSet<>(g.liveMemberNames()), out);
    }

    /** Prints the header line and one row per member; {@code live} holds the names of live members. */
    static void printMembers(final List<MemberInfo> members, final Set<String> live, final PrintStream out) {
        int nameWidth = 4;
        for (final MemberInfo m : members) {
            nameWidth = Math.max(nameWidth, escape(m.name()).length());
        }
        final String format = "%4s %6s %7s %-" + nameWidth + "s %-10s %-8s %-24s %9s %8s %8s%n";
        out.printf(format, "SLOT", "SERIAL", "PID", "NAME", "ROLE", "STATE", "UITT (vector:index)", "HEARTBEAT", "SENT", "RECEIVED");
        for (final MemberInfo m : members) {
            out.printf(format, m.slot(), Integer.toUnsignedString(m.generation()), m.pid(), escape(m.name()), escape(m.role()),
                escape(state(m, live)), escape(String.join(" ", m.uittIndices())), m.heartbeatAgeMs() + " ms", m.sent(), m.received());
        }
    }

    private static String state(final MemberInfo m, final Set<String> live) {
        return m.state() == MemberState.ACTIVE && !live.contains(m.name()) ? "dead?" : m.stateLabel();
    }

}
