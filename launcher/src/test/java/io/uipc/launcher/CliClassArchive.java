package io.uipc.launcher;

import io.uipc.core.internal.ChildJvm;
import io.uipc.launcher.cli.LauncherUipcCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the CLI's classes, as bin/uipc keeps one: the end-to-end tests
 * start a few hundred CLI JVMs, and each one that maps the archive instead of loading and
 * verifying its classes starts about a fifth faster. Made once per test JVM (the archive must
 * match its class path) by a training run ({@code create}, {@code ps} and {@code destroy} of a scratch group) into {@code target/};
 * if that fails, the CLIs run without one. CDS's own messages are switched off, since tests
 * read the CLI's output.
 */
final class CliClassArchive {
    private static final List<String> OPTIONS = train();

    private CliClassArchive() {
    }

    /** {@return the JVM options that map the archive, or none if it could not be made} */
    static List<String> options() {
        return OPTIONS;
    }

    private static List<String> train() {
        final Path archive = Paths.get("target", "cli-" + Runtime.version().feature() + "-" + ProcessHandle.current().pid() + ".jsa")
            .toAbsolutePath();
        try {
            final Path root = Files.createTempDirectory("uipc-cds-");
            try {
                final boolean made = run(List.of(), "create", "cds", "--dir", root.toString(), "--entries", "8")
                    && run(List.of("-XX:ArchiveClassesAtExit=" + archive), "ps", "cds", "--dir", root.toString())
                    && Files.isRegularFile(archive);
                run(List.of(), "destroy", "cds", "--dir", root.toString());
                if (!made) {
                    return List.of();
                }
            } finally {
                Files.deleteIfExists(root);
            }
        } catch (final IOException e) {
            return List.of();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        archive.toFile().deleteOnExit();
        return List.of("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + archive);
    }

    /** Runs one training command; whether it exited 0 within a minute. */
    private static boolean run(final List<String> extraOptions, final String... args) throws IOException, InterruptedException {
        final List<String> options = new ArrayList<>(Cli.CLI_JVM_OPTIONS);
        options.add("-Xlog:cds*=off");
        options.addAll(extraOptions);
        final Process p = new ProcessBuilder(ChildJvm.command(ChildJvm.currentClassPath(), options, LauncherUipcCommand.class.getName(),
            List.of(args))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
