package io.uipc.examples;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The examples' command lines: {@code --name value} pairs, with defaults. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();

    private Args(final String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected '--name value' pairs, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    /**
     * {@return the arguments, parsed}
     *
     * @param args program arguments
     */
    public static Args parse(final String... args) {
        return new Args(args);
    }

    /**
     * {@return the option's value, or the fallback if it is absent}
     *
     * @param name option
     * @param fallback default
     */
    public String string(final String name, final String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * {@return the option's value as an int, or the fallback if it is absent}
     *
     * @param name option
     * @param fallback default
     */
    public int integer(final String name, final int fallback) {
        final String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }

    /**
     * {@return the option's value ("250ms", "2s", "1m"), or the fallback if it is absent}
     *
     * @param name option
     * @param fallback default
     */
    public Duration duration(final String name, final Duration fallback) {
        final String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        throw new IllegalArgumentException("--" + name + " " + v + ": give a duration such as 250ms, 2s or 1m");
    }
}
