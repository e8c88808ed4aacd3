package io.uipc.launcher.cli;

import io.uipc.launcher.TerminalText;
import io.uipc.table.GroupCatalog;
import io.uipc.table.GroupSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code uipc ls}: the groups of a root, whoever made them. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = {"List the groups in the group root, whoever made them.",
    "One line per group: name, owner, the Unix group it is shared with, live members and table entries. A group "
        + "this user may not attach shows as 'refused', a damaged one as 'broken' with the reason ('uipc destroy "
        + "--force' removes it). Every user's groups are listed: the default root is a shared directory like /tmp."})
public final class LsCommand implements Callable<Integer> {
    @Mixin
    GroupDir dir;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** Creates the command; picocli sets its options. */
    public LsCommand() {
    }

    @Override
    public Integer call() {
        final List<GroupSummary> groups = GroupCatalog.list(dir.root());
        if (json) {
            System.out.println(Json.write(toJson(groups)));
        } else if (groups.isEmpty()) {
            System.out.println("no groups in " + TerminalText.escape(dir.root().toAbsolutePath().toString()));
        } else {
            print(groups);
        }
        return 0;
    }

    private static void print(final List<GroupSummary> groups) {
        final List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"GROUP", "OWNER", "SHARED WITH", "MEMBERS", "BACKEND", "STATE"});
        for (final GroupSummary g : groups) {
            rows.add(new String[] {g.name(), g.owner(), g.sharedWith().orElse("-"),
                g.status() == GroupSummary.Status.OK ? g.liveMembers() + "/" + g.capacity() : "-",
                g.backend().isEmpty() ? "-" : g.backend(),
                g.status() == GroupSummary.Status.OK ? "ok" : g.status().name().toLowerCase() + ": " + g.detail()});
        }
        final int columns = rows.get(0).length;
        final int[] width = new int[columns];
        for (final String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                row[c] = TerminalText.escape(row[c]);
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (final String[] row : rows) {
            final StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : String.format("%-" + (width[c] + 2) + "s", row[c]));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    private static Map<String, Object> toJson(final List<GroupSummary> groups) {
        final List<Object> rows = new ArrayList<>();
        for (final GroupSummary g : groups) {
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", g.name());
            row.put("directory", g.directory().toString());
            row.put("owner", g.owner());
            row.put("shared_with", g.sharedWith().orElse(null));
            row.put("status", g.status().name().toLowerCase());
            row.put("detail", g.detail());
            row.put("live_members", g.liveMembers());
            row.put("capacity", g.capacity());
            row.put("backend", g.backend());
            rows.add(row);
        }
        final Map<String, Object> root = Json.document(Instant.now());
        root.put("groups", rows);
        return root;
    }
}
