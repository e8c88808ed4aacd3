package io.uipc.launcher.cli;

import io.uipc.core.internal.JvmFlags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code uipc jvm-flags}: the JVM flags a program using uipc as a library needs, on one line,
 * space-separated, for {@code java $(uipc jvm-flags) ...} or a Surefire {@code argLine}. The
 * flags come from the root pom's {@code uipc.jvm.flags.*} properties, through {@link JvmFlags}.
 */
@Command(name = "jvm-flags", mixinStandardHelpOptions = true,
    description = {"Print the JVM flags a program using uipc needs, on one line.",
        "Use: java $(uipc jvm-flags) -cp ... MyMain, or in Surefire's argLine."})
public final class JvmFlagsCommand implements Callable<Integer> {
    /** The oldest Java uipc runs on. */
    private static final int MIN_JDK = 17;

    @Option(names = "--jdk", paramLabel = "N",
        description = "For a Java N JVM (17, 21, 25...) instead of the running one.")
    Integer jdk;

    /** Creates the command; picocli sets its options. */
    public JvmFlagsCommand() {
    }

    @Override
    public Integer call() {
        final int feature = jdk == null ? Runtime.version().feature() : jdk;
        if (feature < MIN_JDK) {
            throw new UsageException("--jdk " + feature + ": uipc needs Java " + MIN_JDK + " or later");
        }
        System.out.println(String.join(" ", JvmFlags.forFeatureVersion(feature)));
        return 0;
    }
}
