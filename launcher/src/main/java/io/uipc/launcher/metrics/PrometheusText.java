package io.uipc.launcher.metrics;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes {@link GroupMetrics} in the Prometheus text exposition format, version 0.0.4: a
 * {@code # HELP} and a {@code # TYPE} line per metric family, then one sample per member with
 * the labels {@code group}, {@code member} and {@code pid}; counters end in {@code _total}.
 * Label values escape backslash, double quote and newline; help text escapes backslash and
 * newline, as the format requires.
 */
public final class PrometheusText {
    /** The media type of the format, for an HTTP server that serves this text. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder();
    private final GroupMetrics metrics;

    private PrometheusText(final GroupMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Formats a group's metrics.
     *
     * @param metrics the counters
     * @return the exposition text, ending with a newline
     */
    public static String format(final GroupMetrics metrics) {
        return new PrometheusText(metrics).write();
    }

    private String write() {
        member("uipc_member_sent_total", "counter", "Interrupts the member sent, as of its last heartbeat.", m -> m.sent());
        member("uipc_member_received_total", "counter", "Interrupts delivered to the member's receiver.", m -> m.received());
        member("uipc_member_coalesced_total", "counter",
            "Sends to the member that coalesced with the same vector already pending.", m -> m.coalesced());
        member("uipc_member_wakeups_total", "counter", "Kernel wake-ups senders made for the member's receiver.",
            m -> m.wakeUps());
        member("uipc_member_heartbeat_age_seconds", "gauge", "Seconds since the member's last heartbeat.",
            m -> BigDecimal.valueOf(m.heartbeatAgeMs(), 3).toPlainString());
        member("uipc_member_up", "gauge", "1 if the member's process holds its liveness lock, 0 if it died unreaped.",
            m -> m.up() ? 1 : 0);
        members("uipc_member_mailbox_depth_bytes", "gauge", "Bytes waiting in the member's inbox (members with an inbox).",
            m -> m.mailboxBytes().isPresent(), m -> m.mailboxBytes().getAsInt());
        header("uipc_group_members", "gauge", "Members of the group by state: alive, or dead and not reaped yet.");
        sample("uipc_group_members", "group=\"" + label(metrics.group()) + "\",state=\"alive\"", metrics.alive());
        sample("uipc_group_members", "group=\"" + label(metrics.group()) + "\",state=\"dead\"", metrics.dead());
        group("uipc_group_capacity", "gauge", "Entries of the group's process table.", metrics.capacity());
        group("uipc_group_deaths_reaped_total", "counter", "Members declared dead and reclaimed since the group was created.",
            metrics.deathsReaped());
        return out.toString();
    }

    private void member(final String name, final String type, final String help, final Function<MemberSample, Object> value) {
        members(name, type, help, m -> true, value);
    }

    private void members(final String name, final String type, final String help, final Predicate<MemberSample> which,
                         final Function<MemberSample, Object> value) {
        header(name, type, help);
        for (final MemberSample m : metrics.members()) {
            if (which.test(m)) {
                sample(name, "group=\"" + label(metrics.group()) + "\",member=\"" + label(m.name()) + "\",pid=\"" + m.pid() + "\"",
                    value.apply(m));
            }
        }
    }

    private void group(final String name, final String type, final String help, final long value) {
        header(name, type, help);
        sample(name, "group=\"" + label(metrics.group()) + "\"", value);
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
