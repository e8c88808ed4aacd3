package io.uipc.launcher.metrics;

import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.MemberState;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes a {@link GroupStatus} in the Prometheus text exposition format, version 0.0.4: a
 * {@code # HELP} and a {@code # TYPE} line per metric family, then one sample per active member
 * with the labels {@code group}, {@code member} and {@code pid}; counters end in {@code _total}.
 * A member whose process died but is not reaped yet is one with {@code up} 0; a second entry of
 * the same name and pid, which a reaper is about to free, is left out so that no two samples
 * share their labels. Label values escape backslash, double quote and newline; help text escapes
 * backslash and newline, as the format requires.
 */
public final class PrometheusText {
    /** The media type of the format, for an HTTP server that serves this text. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder();
    private final GroupStatus status;
    private final List<MemberStatus> members;

    private PrometheusText(final GroupStatus status) {
        this.status = status;
        this.members = sampled(status);
    }

    /**
     * Formats a group's counters.
     *
     * @param status the group, read once
     * @return the exposition text, ending with a newline
     */
    public static String format(final GroupStatus status) {
        return new PrometheusText(status).write();
    }

    private static List<MemberStatus> sampled(final GroupStatus status) {
        final Set<String> seen = new HashSet<>();
        final List<MemberStatus> members = new ArrayList<>();
        for (final MemberStatus m : status.members()) {
            if (m.entry().state() == MemberState.ACTIVE && seen.add(m.entry().name() + '\0' + m.entry().pid())) {
                members.add(m);
            }
        }
        return members;
    }

    private String write() {
        member("uipc_member_sent_total", "counter", "Interrupts the member sent, as of its last heartbeat.", m -> m.entry().sent());
        member("uipc_member_failed_sends_total", "counter",
            "Sends the member attempted that failed (an error, or no such member or vector), as of its last heartbeat.",
            m -> m.entry().failed());
        member("uipc_member_received_total", "counter", "Interrupts delivered to the member's receiver.", m -> m.entry().received());
        member("uipc_member_coalesced_total", "counter",
            "Sends to the member that coalesced with the same vector already pending.", m -> m.coalesced());
        member("uipc_member_wakeups_total", "counter", "Kernel wake-ups senders made for the member's receiver.",
            m -> m.wakeups());
        member("uipc_member_heartbeat_age_seconds", "gauge", "Seconds since the member's last heartbeat.",
            m -> BigDecimal.valueOf(Math.max(0, m.entry().heartbeatAgeMs()), 3).toPlainString());
        member("uipc_member_up", "gauge", "1 if the member's process holds its liveness lock, 0 if it died unreaped.",
            m -> m.live() ? 1 : 0);
        members("uipc_member_mailbox_depth", "gauge", "Unread records in the member's inbox (members with an inbox).",
            MemberStatus::hasInbox, MemberStatus::mailboxDepth);
        header("uipc_group_members", "gauge", "Members of the group by state: alive, or dead and not reaped yet.");
        final long alive = members.stream().filter(MemberStatus::live).count();
        sample("uipc_group_members", "group=\"" + label(status.group()) + "\",state=\"alive\"", alive);
        sample("uipc_group_members", "group=\"" + label(status.group()) + "\",state=\"dead\"", members.size() - alive);
        group("uipc_group_capacity", "gauge", "Entries of the group's process table.", status.capacity());
        group("uipc_group_deaths_reaped_total", "counter", "Members declared dead and reclaimed since the group was created.",
            status.deathsReaped());
        return out.toString();
    }

    private void member(final String name, final String type, final String help, final Function<MemberStatus, Object> value) {
        members(name, type, help, m -> true, value);
    }

    private void members(final String name, final String type, final String help, final Predicate<MemberStatus> which,
                         final Function<MemberStatus, Object> value) {
        header(name, type, help);
        for (final MemberStatus m : members) {
            if (which.test(m)) {
                sample(name, "group=\"" + label(status.group()) + "\",member=\"" + label(m.entry().name()) + "\",pid=\"" + m.entry().pid() + "\"",
                    value.apply(m));
            }
        }
    }

    private void group(final String name, final String type, final String help, final long value) {
        header(name, type, help);
        sample(name, "group=\"" + label(status.group()) + "\"", value);
    }

    private void header(final String name, final String type, final String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(final String name, final String labels, final Object value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    /**
     * Escapes a label value: backslash, double quote and newline.
     *
     * @param value the raw value
     * @return the value as it goes between the quotes
     */
    static String label(final String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
