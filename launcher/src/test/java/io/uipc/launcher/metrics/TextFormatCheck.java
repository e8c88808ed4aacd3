package io.uipc.launcher.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (the Java client only writes
 * it): every line is a HELP, a TYPE, a comment or a sample; names, label names, escapes and
 * values follow the format's grammar; a family has at most one HELP and one TYPE, both before
 * its samples, and its samples are contiguous; no two samples share their name and labels; the
 * text ends with a newline. Throws on the first violation; returns the samples, label values unescaped.
 */
public final class TextFormatCheck {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ((?:[^\\\\\\n]|\\\\[\\\\n])*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)\\})? (\\S+)(?: (-?[0-9]+))?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern VALUE = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NaN|[+-]Inf");

    /** One sample: its name, its labels (unescaped) and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private TextFormatCheck() {
    }

    /**
     * Parses and checks a whole exposition.
     *
     * @param text the text
     * @return its samples, in order
     * @throws AssertionError naming the line that breaks the format
     */
    public static List<Sample> parse(final String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the text does not end with a newline");
        }
        final Set<String> helped = new HashSet<>();
        final Set<String> typed = new HashSet<>();
        final Set<String> closed = new HashSet<>();
        final Set<String> seen = new HashSet<>();
        final List<Sample> samples = new ArrayList<>();
        String current = null;
        for (final String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            final Matcher help = HELP.matcher(line);
            final Matcher type = TYPE.matcher(line);
            final Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                check(helped.add(help.group(1)) && !seen(samples, help.group(1)), "a second or late HELP", line);
            } else if (type.matches()) {
                check(typed.add(type.group(1)) && !seen(samples, type.group(1)), "a second or late TYPE", line);
            } else if (line.startsWith("#")) {
                check(!line.startsWith("# HELP") && !line.startsWith("# TYPE"), "a malformed HELP or TYPE", line);
            } else if (sample.matches()) {
                final String family = family(sample.group(1), typed);
                if (!family.equals(current)) {
                    check(closed.add(family), "samples of a family that are not contiguous", line);
                    current = family;
                }
                final Map<String, String> labels = labels(sample.group(2) == null ? "" : sample.group(2), line);
                check(VALUE.matcher(sample.group(3)).matches(), "a malformed value", line);
                check(seen.add(sample.group(1) + labels), "a duplicate sample", line);
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3).replace("Inf", "Infinity"))));
            } else {
                throw new AssertionError("not a line of the format: " + line);
            }
        }
        return samples;
    }

    private static boolean seen(final List<Sample> samples, final String family) {
        return samples.stream().anyMatch(s -> s.name().equals(family));
    }

    private static String family(final String name, final Set<String> typed) {
        for (final String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix) && typed.contains(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Map<String, String> labels(final String text, final String line) {
        final Map<String, String> labels = new LinkedHashMap<>();
        final Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            check(m.find(at) && m.start() == at, "malformed labels", line);
            check(labels.put(m.group(1), unescape(m.group(2))) == null, "a repeated label", line);
            at = m.end();
        }
        return labels;
    }

    private static String unescape(final String value) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c == '\\') {
                final char next = value.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void check(final boolean ok, final String what, final String line) {
        if (!ok) {
            throw new AssertionError(what + ": " + line);
        }
    }
}
