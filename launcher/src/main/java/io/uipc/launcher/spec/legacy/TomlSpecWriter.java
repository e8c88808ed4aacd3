package io.uipc.launcher.spec.legacy;

import io.uipc.launcher.spec.FailureAction;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.Readiness;
import io.uipc.launcher.spec.RestartPolicy;
import io.uipc.launcher.spec.SpecDurations;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a spec read from the old format as TOML: group keys that differ from the defaults, then one {@code [[member]]} per process. */
final class TomlSpecWriter {
    private final StringBuilder out = new StringBuilder();

    private TomlSpecWriter() {
    }

    /**
     * @param legacy an old-format spec with its comments
     * @return the TOML text
     */
    static String write(final LegacySpec legacy) {
        final TomlSpecWriter w = new TomlSpecWriter();
        w.group(legacy);
        for (final ProcessSpec p : legacy.spec().processes()) {
            w.member(p, legacy.commentsOf(p.name()));
        }
        return w.out.toString();
    }

    private void group(final LegacySpec legacy) {
        final LaunchSpec s = legacy.spec();
        legacy.commentsOf(LegacySpec.GROUP).forEach(c -> out.append(c).append('\n'));
        s.groupName().ifPresent(n -> key("group", string(n)));
        if (!s.gracePeriod().equals(LaunchSpec.DEFAULT_GRACE)) {
            key("grace-period", string(SpecDurations.format(s.gracePeriod())));
        }
        if (!s.readyTimeout().equals(LaunchSpec.DEFAULT_READY_TIMEOUT)) {
            key("ready-timeout", string(SpecDurations.format(s.readyTimeout())));
        }
        key("on-failure", string(s.onFailure() == FailureAction.SHUTDOWN ? "shutdown" : "continue"));
        if (!s.classPath().isEmpty()) {
            key("classpath", array(s.classPath()));
        }
        capacity("entries", s.entries(), LaunchSpec.DEFAULT_ENTRIES);
        capacity("receivers", s.receivers(), LaunchSpec.DEFAULT_RECEIVERS);
        capacity("uitt", s.uitt(), LaunchSpec.DEFAULT_UITT);
    }

    private void capacity(final String key, final int value, final int dflt) {
        if (value != dflt) {
            key(key, Integer.toString(value));
        }
    }

    private void member(final ProcessSpec p, final List<String> comments) {
        out.append('\n');
        comments.forEach(c -> out.append(c).append('\n'));
        out.append("[[member]]\n");
        key("name", string(p.name()));
        key("main", string(p.mainClass()));
        if (p.count() != 1) {
            key("count", Integer.toString(p.count()));
        }
        if (!p.role().equals(ProcessSpec.DEFAULT_ROLE)) {
            key("role", string(p.role()));
        }
        key("order", Integer.toString(p.order()));
        if (p.readiness() != Readiness.REGISTERED) {
            key("ready", string(p.readiness().name().toLowerCase(Locale.ROOT)));
        }
        if (!p.restart().equals(RestartPolicy.NEVER)) {
            key("restart", string(p.restart().toString()));
        }
        if (!p.jvmOptions().isEmpty()) {
            key("jvm-options", array(p.jvmOptions()));
        }
        if (!p.args().isEmpty()) {
            key("args", array(p.args()));
        }
    }

    private void key(final String key, final String value) {
        out.append(key).append(" = ").append(value).append('\n');
    }

    private static String array(final List<String> values) {
        return values.stream().map(TomlSpecWriter::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String string(final String value) {
        final StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
