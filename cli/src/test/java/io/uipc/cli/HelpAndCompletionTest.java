package io.uipc.cli;

import io.uipc.launcher.cli.UipcCommandLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, for the whole {@code uipc} (the launcher's commands with {@code bench} and {@code demo}):
 * every command's help, and {@code uipc help COMMAND}, within 80 columns; {@code uipc generate-completion}
 * prints a bash script that bash accepts and that completes uipc's commands. In this JVM, as
 * {@link VersionTest} runs the CLI: no child JVM.
 */
class HelpAndCompletionTest {
    /** A finished in-process run. */
    private record Run(int exitCode, String out) {
    }

    private static Run uipc(final String... args) {
        final PrintStream stdout = System.out;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = UipcCommand.run(args);
            System.out.flush();
        } finally {
            System.setOut(stdout);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandsHelpFitsEightyColumnsAndHelpCommandPrintsTheSame() {
        final List<String> commands = new ArrayList<>(UipcCommand.commandLine().getSubcommands().keySet());
        assertTrue(commands.containsAll(List.of("create", "ps", "launch", "bench", "demo", "help", "generate-completion")),
            commands::toString);
        final List<String[]> commandLines = new ArrayList<>();
        commandLines.add(new String[] {"--help"});
        commandLines.add(new String[] {"help"});
        for (final String command : commands) {
            commandLines.add(new String[] {command, "--help"});
            commandLines.add(new String[] {"help", command});
        }
        for (final String[] args : commandLines) {
            final Run r = uipc(args);
            final String what = String.join(" ", args);
            assertEquals(0, r.exitCode(), what);
            assertTrue(r.out().contains("Usage: uipc"), what + ": " + r.out());
            r.out().lines().forEach(line -> assertTrue(line.length() <= UipcCommandLine.HELP_WIDTH,
                () -> what + ": " + line.length() + " columns: " + line));
        }
        assertEquals(uipc("ps", "--help"), uipc("help", "ps"));
    }

    @Test
    void benchHelpNamesTheCBaselineInThisRepository() {
        final String help = uipc("bench", "--help").out().replaceAll("\\s+", " ");
        final Matcher baseline = Pattern.compile("C baseline, (\\S+\\.sh),").matcher(help);
        assertTrue(baseline.find(), help);
        final Path repository = Paths.get(System.getProperty("uipc.repo.root", "..")).toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(repository.resolve(baseline.group(1))), baseline.group(1) + " in " + repository);
    }

    @Test
    void generateCompletionPrintsABashScriptThatCompletesUipcsCommands() throws Exception {
        final Run r = uipc("generate-completion");
        assertEquals(0, r.exitCode(), r::toString);
        final String script = r.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script);
        assertTrue(script.contains("\nfunction _complete_uipc() {"), "defines the completion function");
        assertTrue(script.contains("complete -F _complete_uipc -o default uipc"), "registers it for uipc");
        final Matcher top = Pattern.compile("local commands=\"([^\"]*)\"").matcher(script);
        assertTrue(top.find(), script);
        assertTrue(List.of(top.group(1).split(" ")).containsAll(List.of("create", "ps", "launch", "send", "demo", "help")), top.group(1));
        assertTrue(script.contains("(\"hardware\" \"emulated\" \"auto\") # --backend values"), "offers the backends");

        final Path file = Files.createTempFile("uipc-completion", ".bash");
        try {
            Files.writeString(file, script);
            final Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
            final String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n ends");
            assertEquals(0, bash.exitValue(), output);
        } finally {
            Files.delete(file);
        }
    }
}
