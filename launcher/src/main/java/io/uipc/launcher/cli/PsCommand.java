package io.uipc.launcher.cli;

import io.uipc.launcher.PsTable;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code uipc ps}: the group's process table, like Oracle's V$PROCESS. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = {
    "Show a group's process table, like Oracle's V$PROCESS.",
    "One line per member: slot and serial (PID and SERIAL#), OS pid, name, role, state, the UITT index of each "
        + "accepted vector (vector:index), heartbeat age, interrupts sent and received.",
    "A member whose process died but is not reaped yet shows as 'dead?'."})
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
            if (json) {
                System.out.println(Json.write(toJson(g)));
            } else {
                PsTable.print(g, System.out);
            }
        }
        return 0;
    }

    private static Map<String, Object> toJson(final ProcessGroup g) {
        final Set<String> live = new HashSet<>(g.liveMemberNames());
        final List<Object> rows = new ArrayList<>();
        for (final MemberInfo m : g.members()) {
            final List<Object> uitt = new ArrayList<>();
            for (final String vi : m.uittIndices()) {
                final String[] parts = vi.split(":");
                final Map<String, Object> e = new LinkedHashMap<>();
                e.put("vector", Integer.parseInt(parts[0]));
                e.put("index", Integer.parseInt(parts[1]));
                uitt.add(e);
            }
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("slot", m.slot());
            row.put("serial", Integer.toUnsignedLong(m.generation()));
            row.put("pid", m.pid());
            row.put("name", m.name());
            row.put("role", m.role());
            row.put("state", m.stateLabel());
            row.put("live", live.contains(m.name()));
            row.put("uitt", uitt);
            row.put("heartbeat_age_ms", m.heartbeatAgeMs());
            row.put("sent", m.sent());
            row.put("received", m.received());
            row.put("upid", m.upidIndex());
            rows.add(row);
        }
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("group", g.name());
        root.put("directory", g.directory().toString());
        root.put("backend", g.domain().backendName());
        root.put("capacity", g.capacity());
        root.put("reaper_pid", g.reaperPid());
        root.put("deaths_reaped", g.deathsReaped());
        final Map<String, Object> layouts = new LinkedHashMap<>();
        layouts.put("process_table", g.tableLayoutVersion());
        layouts.put("domain", g.domain().layoutVersion());
        root.put("layout_versions", layouts);
        root.put("members", rows);
        return root;
    }
}
