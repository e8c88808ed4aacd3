package io.uipc.launcher.cli;

import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.MemberInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a {@link GroupStatus}, shared by {@code uipc ps --json} and {@code uipc top --json}. */
final class StatusJson {
    private StatusJson() {
    }

    /**
     * The group's fields, after {@code version} and {@code timestamp}.
     *
     * @param s the group's status
     * @return a mutable, ordered document without the members
     */
    static Map<String, Object> group(final GroupStatus s) {
        final Map<String, Object> root = Json.document(s.time());
        root.put("group", s.group());
        root.put("directory", s.directory().toString());
        root.put("backend", s.backend());
        root.put("capacity", s.capacity());
        root.put("reaper_pid", s.reaper().pid() > 0 ? s.reaper().pid() : null);
        root.put("reaper_alive", s.reaper().alive());
        root.put("deaths_reaped", s.deathsReaped());
        root.put("members_alive", s.alive());
        root.put("members_dead", s.dead());
        return root;
    }

    /**
     * One member's fields.
     *
     * @param s the member's status
     * @return a mutable, ordered map
     */
    static Map<String, Object> member(final MemberStatus s) {
        final MemberInfo m = s.entry();
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
        row.put("state", s.state());
        row.put("live", s.live());
        row.put("uitt", uitt);
        row.put("heartbeat_age_ms", m.heartbeatAgeMs());
        row.put("sent", m.sent());
        row.put("failed", m.failed());
        row.put("received", m.received());
        row.put("coalesced", s.coalesced());
        row.put("wakeups", s.wakeups());
        row.put("mailbox_depth", s.hasInbox() ? s.mailboxDepth() : null);
        row.put("upid", m.upidIndex());
        return row;
    }
}
