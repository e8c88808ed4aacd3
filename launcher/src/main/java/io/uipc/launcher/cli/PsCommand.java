package io.uipc.launcher.cli;

import io.uipc.launcher.PsTable;
import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code uipc ps}: the group's process table, like Oracle's V$PROCESS. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = {
    "Show a group's process table, like Oracle's V$PROCESS.",
    "One line per member: slot and serial (PID and SERIAL#), OS pid, name, role, state, the UITT index of each "
        + "accepted vector (vector:index), heartbeat age, interrupts sent, sends failed, interrupts received.",
    "A member whose process died but is not reaped yet shows as 'dead'. 'uipc top' shows the same live."})
public final class PsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Mixin
    GroupDir dir;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** Creates the command; picocli sets its options. */
    public PsCommand() {
    }

    @Override
    public Integer call() {
        try (ProcessGroup g = ProcessGroup.attach(dir.of(group))) {
            final GroupStatus status = GroupStatus.read(g);
            if (json) {
                System.out.println(Json.write(toJson(status)));
            } else {
                PsTable.print(status, System.out);
            }
        }
        return 0;
    }

    private static Map<String, Object> toJson(final GroupStatus s) {
        final Map<String, Object> root = StatusJson.group(s);
        final Map<String, Object> layouts = new LinkedHashMap<>();
        layouts.put("process_table", s.tableLayoutVersion());
        layouts.put("domain", s.domainLayoutVersion());
        root.put("layout_versions", layouts);
        final List<Object> rows = new ArrayList<>();
        for (final MemberStatus m : s.members()) {
            rows.add(StatusJson.member(m));
        }
        root.put("members", rows);
        return root;
    }
}
