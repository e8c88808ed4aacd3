package io.uipc.launcher.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs the launcher's {@code uipc} commands in this JVM through Picocli, as {@link LauncherUipcCommand#main}
 * does, capturing stdout (the commands print with {@code System.out}) and stderr (Picocli's and the
 * {@link ErrorExitHandler}'s writer). For commands that fail or return at once; never for a launch that
 * would start members.
 */
final class InProcessCli {
    private InProcessCli() {
    }

    /**
     * A finished command.
     *
     * @param exitCode its exit code
     * @param out      what it printed on stdout
     * @param err      what it printed on stderr
     */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /**
     * @param args the command line
     * @return its exit code and output
     */
    static synchronized Result run(final String... args) {
        final StringWriter err = new StringWriter();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream saved = System.out;
        final int code;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            // Built once System.out is the capture: Picocli's help command writes to a writer made before setOut.
            final CommandLine cmd = LauncherUipcCommand.commandLine();
            cmd.setErr(new PrintWriter(err, true));
            cmd.setOut(new PrintWriter(capture, true));
            code = cmd.execute(args);
            cmd.getOut().flush();
        } finally {
            System.setOut(saved);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
