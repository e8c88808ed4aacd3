package io.uipc.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The JVM flags uipc needs (Agrona's and Chronicle Bytes' module openings, native access),
 * read from one generated resource whose values come from the root pom.xml. Tests, scripts
 * ({@code java io.uipc.core.internal.JvmFlags} prints them) and spawned JVMs all use this.
 */
public final class JvmFlags {
    private static final Properties FLAGS = load();

    private JvmFlags() {
    }

    private static Properties load() {
        try (InputStream in = JvmFlags.class.getResourceAsStream("jvm-flags.properties")) {
            if (in == null) {
                throw new IllegalStateException("jvm-flags.properties missing from ipc-core: rebuild with Maven");
            }
            final Properties p = new Properties();
            p.load(in);
            return p;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the flags for the running JVM's feature version.
     *
     * @return the flags for the running JVM's feature version
     */
    public static List<String> forCurrentJvm() {
        return forFeatureVersion(Runtime.version().feature());
    }

    /**
     * Lists uipc's JVM flags for a Java version.
     *
     * @param feature a Java feature version (17, 21, 25...)
     * @return the flags a JVM of that version needs
     */
    public static List<String> forFeatureVersion(final int feature) {
        final List<String> flags = new ArrayList<>(split(FLAGS.getProperty("base", "")));
        if (feature >= 23) {
            flags.addAll(split(FLAGS.getProperty("jdk23", "")));
        }
        return List.copyOf(flags);
    }

    private static List<String> split(final String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    /**
     * Prints the flags for the running JVM, one per line.
     *
     * @param args ignored
     */
    public static void main(final String[] args) {
        forCurrentJvm().forEach(System.out::println);
    }
}
