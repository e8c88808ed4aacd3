package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.spec.SpecException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path of launched members: the launcher's own class path (uipc and its
 * dependencies) followed by the user's entries, each made absolute (members may run in another
 * working directory), and the check, before anything starts, that
 * every main class is on it and has a {@code public static void main(String[])}.
 */
final class ChildClassPath {
    private final String classPath;

    private ChildClassPath(final String classPath) {
        this.classPath = classPath;
    }

    /**
     * @param spec    the spec (its {@code classpath} key)
     * @param options the launch options (their class path)
     * @return the members' class path
     */
    static ChildClassPath of(final LaunchSpec spec, final LaunchOptions options) {
        final List<String> given = new ArrayList<>(List.of(ChildJvm.currentClassPath().split(File.pathSeparator)));
        given.addAll(spec.classPath());
        given.addAll(options.classPath());
        final Set<String> entries = new LinkedHashSet<>();
        for (final String entry : given) {
            if (!entry.isEmpty()) {
                entries.add(Paths.get(entry).toAbsolutePath().toString());
            }
        }
        return new ChildClassPath(String.join(File.pathSeparator, entries));
    }

    /** @return the class path, as for {@code -cp} */
    String value() {
        return classPath;
    }

    /**
     * @param spec the spec whose main classes to check
     * @throws SpecException naming the line of a process whose main class is missing or has no main method
     */
    void checkMainClasses(final LaunchSpec spec) {
        final URL[] urls;
        try {
            urls = urls();
        } catch (final UncheckedIOException e) {
            throw new SpecException(spec.source(), 0, "classpath", "cannot list a class path directory (the spec's classpath or --classpath): "
                + e.getCause().getMessage() + (e.getCause() instanceof java.nio.file.AccessDeniedException ? ": permission denied" : ""));
        }
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (final ProcessSpec p : spec.processes()) {
                check(spec.source(), p, loader);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(final String source, final ProcessSpec p, final ClassLoader loader) {
        final Class<?> main;
        try {
            main = Class.forName(p.mainClass(), false, loader);
        } catch (final ClassNotFoundException | LinkageError e) {
            throw new SpecException(source, p.line(), "main", "member " + p.name() + ": main class " + p.mainClass()
                + " not found on the class path (add its jar or directory with --classpath or the spec's classpath key)");
        }
        try {
            final Method m = main.getMethod("main", String[].class);
            if (Modifier.isStatic(m.getModifiers())) {
                return;
            }
        } catch (final NoSuchMethodException | LinkageError e) {
            // reported below
        }
        throw new SpecException(source, p.line(), "main", "member " + p.name() + ": " + p.mainClass()
            + " has no public static void main(String[])");
    }

    private URL[] urls() {
        final List<URL> urls = new ArrayList<>();
        for (final String entry : classPath.split(File.pathSeparator)) {
            try {
                if (entry.endsWith("*")) {
                    final Path dir = Paths.get(entry.substring(0, entry.length() - 1));
                    if (Files.isDirectory(dir)) {
                        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.{jar,JAR}")) {
                            for (final Path jar : jars) {
                                urls.add(jar.toUri().toURL());
                            }
                        }
                    }
                } else {
                    urls.add(Paths.get(entry).toUri().toURL());
                }
            } catch (final MalformedURLException e) {
                throw new IllegalArgumentException("bad class path entry '" + entry + "': " + e.getMessage(), e);
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls.toArray(new URL[0]);
    }
}
