package io.uipc.core.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM that runs uipc code: the same java executable as this
 * JVM, {@link JvmFlags}, a class path (by default this JVM's) and a main class. The one place
 * that spawns JVMs, for tests, the launcher and benchmarks alike.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Returns the java executable of the running JVM.
     *
     * @return the java executable of the running JVM
     */
    public static Path javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Returns the running JVM's class path.
     *
     * @return the running JVM's class path
     */
    public static String currentClassPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * Builds a child JVM's command line: this JVM's java, uipc's flags, then the options.
     *
     * @param classPath  class path of the child
     * @param jvmOptions extra JVM options (heap, system properties), after uipc's flags
     * @param mainClass  fully qualified main class
     * @param args       program arguments
     * @return the full command line
     */
    public static List<String> command(final String classPath, final List<String> jvmOptions,
                                       final String mainClass, final List<String> args) {
        final List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable().toString());
        cmd.addAll(JvmFlags.forCurrentJvm());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Prepares a child JVM on this JVM's class path.
     *
     * @param mainClass main class, found on this JVM's class path
     * @param args      program arguments
     * @return a process builder for the child, stderr merged into stdout
     */
    public static ProcessBuilder processBuilder(final Class<?> mainClass, final String... args) {
        final ProcessBuilder pb = new ProcessBuilder(command(currentClassPath(), List.of(), mainClass.getName(), List.of(args)));
        pb.redirectErrorStream(true);
        return pb;
    }
}
