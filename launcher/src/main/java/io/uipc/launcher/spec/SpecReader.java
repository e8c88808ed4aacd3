package io.uipc.launcher.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.uipc.table.GroupSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns the tree of a TOML spec into a {@link LaunchSpec}: every key known, every value of the right type and
 * in range, each error naming the file, the line of the key ({@link TomlKeyLines}) and the key.
 */
final class SpecReader {
    private static final Set<String> GROUP_KEYS = Set.of("group", "grace-period", "ready-timeout", "on-failure", "classpath",
        "entries", "receivers", "uitt", "member");
    private static final Set<String> MEMBER_KEYS = Set.of("name", "main", "count", "role", "order", "restart", "jvm-options",
        "args", "ready");

    private final String source;
    private final TomlKeyLines lines;

    private SpecReader(final String source, final TomlKeyLines lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * @param source name of the spec, for messages
     * @param lines  where its keys are
     * @param root   its tree
     * @return the spec
     * @throws SpecException naming the line and key at fault
     */
    static LaunchSpec read(final String source, final TomlKeyLines lines, final JsonNode root) {
        return new SpecReader(source, lines).spec(root);
    }

    private LaunchSpec spec(final JsonNode root) {
        final Table g = new Table(root, "", "the top level", 0);
        g.checkKeys(GROUP_KEYS);
        final List<ProcessSpec> processes = members(root.get("member"));
        final int entries = g.capacity("entries", LaunchSpec.DEFAULT_ENTRIES);
        final int receivers = g.capacity("receivers", LaunchSpec.DEFAULT_RECEIVERS);
        final int uitt = g.capacity("uitt", LaunchSpec.DEFAULT_UITT);
        if (processes.isEmpty()) {
            throw new SpecException(source, 0, null, "no member: add a [[member]] table with at least name = \"NAME\" and main = \"CLASS\"");
        }
        LaunchSpec.checkCapacities(source, field -> lines.line("", field), processes, entries, receivers);
        final Optional<String> name = g.optional("group", n -> {
            GroupSpec.checkName(n);
            return n;
        });
        return new LaunchSpec(source, name, g.duration("grace-period", LaunchSpec.DEFAULT_GRACE),
            g.duration("ready-timeout", LaunchSpec.DEFAULT_READY_TIMEOUT),
            g.optional("on-failure", FailureAction::parse).orElse(FailureAction.SHUTDOWN), g.classPath(),
            entries, receivers, uitt, processes);
    }

    private List<ProcessSpec> members(final JsonNode members) {
        final List<ProcessSpec> processes = new ArrayList<>();
        if (members == null) {
            return processes;
        }
        if (!members.isArray()) {
            throw new SpecException(source, lines.line("", "member"), "member", "expected [[member]] tables, got " + describe(members));
        }
        for (int i = 0; i < members.size(); i++) {
            processes.add(member(members.get(i), i));
        }
        return processes;
    }

    private ProcessSpec member(final JsonNode node, final int index) {
        final int header = lines.header("member", index) > 0 ? lines.header("member", index) : lines.line("", "member");
        if (!node.isObject()) {
            throw new SpecException(source, header, "member", "expected a table, got " + describe(node));
        }
        final Table m = new Table(node, "member[" + index + "]", "[[member]]", header);
        m.checkKeys(MEMBER_KEYS);
        final String name = m.required("name", n -> ProcessSpec.of(n, Object.class.getName()).name());
        ProcessSpec p = m.required("main", c -> ProcessSpec.of(name, c)).line(header);
        p = m.set("count", m.integer("count"), p, ProcessSpec::count);
        p = m.set("role", m.string("role"), p, ProcessSpec::role);
        p = m.set("order", m.integer("order"), p, ProcessSpec::order);
        p = m.set("restart", m.string("restart"), p, (q, v) -> q.restart(RestartPolicy.parse(v)));
        p = m.set("jvm-options", m.strings("jvm-options"), p, ProcessSpec::jvmOptions);
        p = m.set("args", m.strings("args"), p, ProcessSpec::args);
        return m.set("ready", m.string("ready"), p, (q, v) -> q.readiness(Readiness.parse(v)));
    }

    /** One table of the spec: its keys' values, checked and converted, each error naming the key's line. */
    private final class Table {
        private final JsonNode node;
        private final String table;
        private final String what;
        private final int line;

        Table(final JsonNode node, final String table, final String what, final int line) {
            this.node = node;
            this.table = table;
            this.what = what;
            this.line = line;
        }

        int lineOf(final String key) {
            final int at = lines.line(table, key);
            return at > 0 ? at : line;
        }

        SpecException error(final String key, final String message) {
            return new SpecException(source, lineOf(key), key, message);
        }

        void checkKeys(final Set<String> known) {
            for (final Iterator<String> keys = node.fieldNames(); keys.hasNext();) {
                final String key = keys.next();
                if (!known.contains(key)) {
                    throw error(key, "unknown key in " + what + "; known keys: " + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        <T> T check(final String key, final Function<String, T> parse, final String value) {
            try {
                return parse.apply(value);
            } catch (final IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }

        <V, T> T set(final String key, final Optional<V> value, final T spec, final BiFunction<T, V, T> setter) {
            return value.map(v -> check(key, x -> setter.apply(spec, v), key)).orElse(spec);
        }

        <T> T required(final String key, final Function<String, T> parse) {
            return string(key).map(v -> check(key, parse, v))
                .orElseThrow(() -> new SpecException(source, line, key, what + " needs " + key + " = \"...\""));
        }

        <T> Optional<T> optional(final String key, final Function<String, T> parse) {
            return string(key).map(v -> check(key, parse, v));
        }

        Optional<String> string(final String key) {
            final JsonNode v = node.get(key);
            if (v != null && !v.isTextual()) {
                throw error(key, "expected a string, got " + describe(v));
            }
            return Optional.ofNullable(v).map(JsonNode::asText);
        }

        Optional<Integer> integer(final String key) {
            final JsonNode v = node.get(key);
            if (v != null && !v.isIntegralNumber()) {
                throw error(key, "expected an integer, got " + describe(v));
            }
            if (v != null && !v.canConvertToInt()) {
                throw error(key, "integer out of range: " + v.asText());
            }
            return Optional.ofNullable(v).map(JsonNode::asInt);
        }

        Optional<List<String>> strings(final String key) {
            final JsonNode v = node.get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (!v.isArray()) {
                throw error(key, "expected an array of strings such as [\"a\", \"b\"], got " + describe(v));
            }
            final List<String> list = new ArrayList<>();
            for (final JsonNode e : v) {
                if (!e.isTextual()) {
                    throw error(key, "expected an array of strings, got " + describe(e) + " in it");
                }
                list.add(e.asText());
            }
            return Optional.of(list);
        }

        List<String> classPath() {
            final List<String> entries = strings("classpath").orElse(List.of());
            if (entries.stream().anyMatch(e -> e.indexOf('\0') >= 0)) {
                throw error("classpath", "NUL character (\\x00) not allowed");
            }
            return entries;
        }

        int capacity(final String key, final int dflt) {
            final int value = integer(key).orElse(dflt);
            LaunchSpec.checkCapacity(source, lineOf(key), key, value);
            return value;
        }

        Duration duration(final String key, final Duration dflt) {
            final JsonNode v = node.get(key);
            if (v != null && !v.isTextual()) {
                throw error(key, "expected a duration such as \"500ms\", \"5s\" or \"2m\", got " + describe(v));
            }
            return optional(key, SpecDurations::parse).orElse(dflt);
        }
    }

    private static String describe(final JsonNode node) {
        final String what = node.isTextual() ? "a string" : node.isIntegralNumber() ? "an integer" : node.isNumber() ? "a float"
            : node.isBoolean() ? "a boolean" : node.isArray() ? "an array" : node.isObject() ? "a table" : "a value";
        final String text = node.isContainerNode() ? "" : " (" + node.asText() + ")";
        return what + (text.length() > 60 ? " (" + node.asText().substring(0, 50) + "...)" : text);
    }
}
