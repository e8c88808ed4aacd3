package io.uipc.launcher.cli;

import io.uipc.launcher.TerminalText;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;
import io.uipc.table.ReapReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code uipc reap}: reclaims the entries of members whose process died, for a group that no
 * launcher or member reaps, and says which.
 */
@Command(name = "reap", mixinStandardHelpOptions = true,
    description = {"Reclaim dead members of a process group now, and print each one reaped.",
        "A member is dead when no process holds its liveness lock (the kernel drops it even on SIGKILL); "
            + "its entry, UPID slot and UITT entries are freed and its name can be joined again. "
            + "Files a dead process was creating in the group's directory are removed.",
        "Missing or unreadable group: exit 1."})
public final class ReapCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Mixin
    GroupDir dir;

    /** Creates the command; picocli sets its options. */
    public ReapCommand() {
    }

    @Override
    public Integer call() {
        try (ProcessGroup g = ProcessGroup.attach(dir.of(group))) {
            final ReapReport report = g.reapDead();
            for (final MemberInfo m : report.members()) {
                System.out.printf("reaped %s (role %s, slot %d, serial %s, pid %d, was %s)%n", TerminalText.escape(m.name()),
                    TerminalText.escape(m.role()), m.slot(), Integer.toUnsignedString(m.generation()), m.pid(), m.stateLabel());
            }
            final String orphans = report.orphans() + " orphaned UPID slot(s) or UITT entries";
            if (report.members().isEmpty()) {
                System.out.println("no dead member in group " + group + (report.orphans() == 0 ? "" : "; reclaimed " + orphans));
            } else {
                System.out.println("reaped " + report.members().size() + " dead member(s) of group " + group
                    + (report.orphans() == 0 ? "" : " and " + orphans));
            }
            for (final String name : report.abandoned()) {
                System.out.println("removed " + TerminalText.escape(name) + ", a file its creator died making");
            }
        }
        return 0;
    }
}
