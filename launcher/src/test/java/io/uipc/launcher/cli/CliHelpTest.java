package io.uipc.launcher.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the help conventions: {@code uipc help [COMMAND]} prints what {@code --help} prints, exit 0;
 * every command's help fits 80 columns; descriptions are whole sentences, so Picocli wraps them evenly
 * instead of breaking hand-made lines raggedly. In this JVM through Picocli (its help goes to the
 * command line's writer), for every command of the launcher's top command.
 */
class CliHelpTest {
    /** Picocli's own commands, whose descriptions are Picocli's. */
    private static final Set<String> PICOCLI_COMMANDS = Set.of("help", "generate-completion");

    private static List<String> commands() {
        return new ArrayList<>(LauncherUipcCommand.commandLine().getSubcommands().keySet());
    }

    @Test
    void helpCommandPrintsTheCommandsUsageLikeHelpOption() {
        assertTrue(commands().containsAll(List.of("create", "ps", "ls", "help", "generate-completion")), commands()::toString);
        for (final String command : commands()) {
            final InProcessCli.Result help = InProcessCli.run("help", command);
            assertEquals(0, help.exitCode(), help::toString);
            assertEquals("", help.err(), help::toString);
            assertTrue(help.out().contains("Usage: uipc " + command + " "), help::toString);
            assertEquals(help, InProcessCli.run(command, "--help"), "help " + command + " is " + command + " --help");
        }
        final InProcessCli.Result top = InProcessCli.run("help");
        assertEquals(0, top.exitCode(), top::toString);
        assertTrue(top.out().startsWith("Usage: uipc ") && top.out().contains("\n  generate-completion  "), top::toString);
        assertEquals(top, InProcessCli.run("--help"));
    }

    @Test
    void everyHelpFitsEightyColumns() {
        final List<String[]> commandLines = new ArrayList<>();
        commandLines.add(new String[] {"--help"});
        for (final String command : commands()) {
            commandLines.add(new String[] {command, "--help"});
        }
        for (final String[] args : commandLines) {
            final InProcessCli.Result r = InProcessCli.run(args);
            assertEquals(0, r.exitCode(), r::toString);
            r.out().lines().forEach(line -> assertTrue(line.length() <= UipcCommandLine.HELP_WIDTH,
                () -> String.join(" ", args) + ": " + line.length() + " columns: " + line));
        }
    }

    @Test
    void descriptionsAreWholeSentencesSoPicocliWrapsThemEvenly() {
        final CommandLine top = LauncherUipcCommand.commandLine();
        for (final CommandLine command : top.getSubcommands().values()) {
            if (PICOCLI_COMMANDS.contains(command.getCommandName())) {
                continue;
            }
            for (final String paragraph : command.getCommandSpec().usageMessage().description()) {
                assertTrue(paragraph.endsWith("."), () -> command.getCommandName() + ": a description line breaks a sentence: " + paragraph);
            }
        }
    }
}
