package io.uipc.launcher.spec.legacy;

import io.uipc.launcher.spec.FailureAction;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.Readiness;
import io.uipc.launcher.spec.RestartPolicy;
import io.uipc.launcher.spec.SpecDurations;
import io.uipc.launcher.spec.SpecException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads uipc's old, INI-like spec format, only for {@link SpecConverter}: one {@code [group]} section and one
 * {@code [process NAME]} section per process kind, with {@code key = value} lines and comments
 * ({@link LegacyComments}). Every error names the line and field. Comment lines are kept, by the section they
 * come before, so that a converted spec keeps them.
 */
final class LegacySpecParser {
    private static final Pattern SECTION = Pattern.compile("\\[\\s*(group|process)(?:\\s+(\\S+))?\\s*]");
    private static final Pattern ENTRY = Pattern.compile("([a-z][a-z-]*)\\s*=\\s*(.*)");
    private static final Set<String> GROUP_KEYS = Set.of("name", "grace-period", "ready-timeout", "on-failure", "classpath",
        "entries", "receivers", "uitt");
    private static final Set<String> PROCESS_KEYS = Set.of("main", "count", "role", "order", "restart", "jvm-options", "args",
        "ready");

    private final String source;
    private final Map<String, List<String>> comments = new LinkedHashMap<>();

    private LegacySpecParser(final String source) {
        this.source = source;
    }

    /**
     * Parses old-format spec text.
     *
     * @param source name of the spec, for messages
     * @param text   the spec
     * @return the spec and its comment lines
     * @throws SpecException if it is malformed
     */
    static LegacySpec parse(final String source, final String text) {
        final LegacySpecParser parser = new LegacySpecParser(source);
        return new LegacySpec(parser.parse(text), parser.comments);
    }

    private LaunchSpec parse(final String text) {
        final List<Section> sections = new ArrayList<>();
        Section current = null;
        final List<String> pending = new ArrayList<>();
        final String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            final int lineNo = i + 1;
            if (lines[i].indexOf('\0') >= 0) {
                final Matcher key = ENTRY.matcher(lines[i].strip());
                throw new SpecException(source, lineNo, key.matches() ? key.group(1) : null, "NUL character (\\x00) not allowed in a spec");
            }
            final String line = LegacyComments.strip(lines[i]).strip();
            if (line.isEmpty()) {
                pending.addAll(LegacyComments.commentOf(lines[i]).stream().toList());
                continue;
            }
            if (line.startsWith("[")) {
                current = section(line, lineNo, sections);
                sections.add(current);
                comments.put(current.group ? LegacySpec.GROUP : current.name, List.copyOf(pending));
                pending.clear();
                continue;
            }
            final Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                throw new SpecException(source, lineNo, null, "expected '[group]', '[process NAME]' or 'key = value', got '" + line + "'");
            }
            if (current == null) {
                throw new SpecException(source, lineNo, m.group(1), "key outside a section: start with [group] or [process NAME]");
            }
            current.put(m.group(1), m.group(2).strip(), lineNo);
        }
        return build(sections);
    }

    private Section section(final String line, final int lineNo, final List<Section> sections) {
        final Matcher m = SECTION.matcher(line);
        if (!m.matches()) {
            throw new SpecException(source, lineNo, line, "unknown section: use [group] or [process NAME]");
        }
        final boolean group = m.group(1).equals("group");
        if (group && m.group(2) != null) {
            throw new SpecException(source, lineNo, line, "[group] takes no name");
        }
        if (!group && m.group(2) == null) {
            throw new SpecException(source, lineNo, line, "a process section needs a name: [process NAME]");
        }
        for (final Section s : sections) {
            if (s.group == group && (group || s.name.equals(m.group(2)))) {
                throw new SpecException(source, lineNo, line, "duplicate section: already declared at line " + s.line);
            }
        }
        return new Section(group, m.group(2), lineNo);
    }

    private LaunchSpec build(final List<Section> sections) {
        Section groupSection = new Section(true, null, 0);
        final List<ProcessSpec> processes = new ArrayList<>();
        for (final Section s : sections) {
            if (s.group) {
                groupSection = s;
            } else {
                processes.add(process(s));
            }
        }
        final Section g = groupSection;
        g.checkKeys(GROUP_KEYS);
        final int entries = g.capacity("entries", LaunchSpec.DEFAULT_ENTRIES);
        final int receivers = g.capacity("receivers", LaunchSpec.DEFAULT_RECEIVERS);
        return new LaunchSpec(source, g.optional("name").map(v -> g.convert("name", n -> n)),
            g.duration("grace-period", LaunchSpec.DEFAULT_GRACE), g.duration("ready-timeout", LaunchSpec.DEFAULT_READY_TIMEOUT),
            g.optional("on-failure").map(v -> g.convert("on-failure", FailureAction::parse)).orElse(FailureAction.SHUTDOWN),
            g.optional("classpath").map(v -> List.of(v.split(":"))).orElse(List.of()), entries, receivers,
            g.capacity("uitt", LaunchSpec.DEFAULT_UITT), processes);
    }

    private ProcessSpec process(final Section s) {
        s.checkKeys(PROCESS_KEYS);
        try {
            ProcessSpec.of(s.name, Object.class.getName());
        } catch (final IllegalArgumentException e) {
            throw new SpecException(source, s.line, "process " + s.name, e.getMessage());
        }
        if (s.optional("main").isEmpty()) {
            throw new SpecException(source, s.line, "main", "[process " + s.name + "] needs 'main = fully.qualified.MainClass'");
        }
        ProcessSpec p = s.convert("main", v -> ProcessSpec.of(s.name, v)).line(s.line);
        p = s.apply("count", p, (q, v) -> q.count(parseInt(v)));
        p = s.apply("role", p, ProcessSpec::role);
        p = s.apply("order", p, (q, v) -> q.order(parseInt(v)));
        p = s.apply("restart", p, (q, v) -> q.restart(RestartPolicy.parse(v)));
        p = s.apply("jvm-options", p, (q, v) -> q.jvmOptions(LegacyWords.split(v)));
        p = s.apply("args", p, (q, v) -> q.args(LegacyWords.split(v)));
        return s.apply("ready", p, (q, v) -> q.readiness(Readiness.parse(v)));
    }

    /** One section's entries, with their lines. */
    private final class Section {
        final boolean group;
        final String name;
        final int line;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> lines = new LinkedHashMap<>();

        Section(final boolean group, final String name, final int line) {
            this.group = group;
            this.name = name;
            this.line = line;
        }

        void put(final String key, final String value, final int lineNo) {
            final Integer previous = lines.putIfAbsent(key, lineNo);
            if (previous != null) {
                throw new SpecException(source, lineNo, key, "set twice in this section (first at line " + previous + ")");
            }
            values.put(key, value);
        }

        void checkKeys(final Set<String> known) {
            for (final String key : values.keySet()) {
                if (!known.contains(key)) {
                    throw new SpecException(source, lines.get(key), key, "unknown key in " + (group ? "[group]" : "[process " + name + "]")
                        + "; known keys: " + String.join(", ", new java.util.TreeSet<>(known)));
                }
            }
        }

        Optional<String> optional(final String key) {
            return Optional.ofNullable(values.get(key));
        }

        <T> T convert(final String key, final java.util.function.Function<String, T> parser) {
            try {
                return parser.apply(values.getOrDefault(key, ""));
            } catch (final IllegalArgumentException e) {
                throw new SpecException(source, lines.getOrDefault(key, line), key, e.getMessage());
            }
        }

        <T> T apply(final String key, final T spec, final java.util.function.BiFunction<T, String, T> setter) {
            return optional(key).map(v -> convert(key, x -> setter.apply(spec, x))).orElse(spec);
        }

        int integer(final String key, final int dflt) {
            return optional(key).map(v -> convert(key, LegacySpecParser::parseInt)).orElse(dflt);
        }

        int capacity(final String key, final int dflt) {
            return integer(key, dflt);
        }

        Duration duration(final String key, final Duration dflt) {
            return optional(key).map(v -> convert(key, SpecDurations::parse)).orElse(dflt);
        }
    }

    private static int parseInt(final String text) {
        try {
            return Integer.parseInt(text.replace("_", ""));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer, got '" + text + "'");
        }
    }
}
