package io.uipc.launcher.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The {@code uipc} command line's conventions, shared by every top command that assembles uipc's
 * subcommands (the cli module's, and the launcher's test one): {@code uipc help [COMMAND]},
 * {@code uipc generate-completion} (a bash completion script), help laid out for 80 columns, and
 * errors the {@link ErrorExitHandler} way.
 */
public final class UipcCommandLine {
    /** The width the help text is laid out for. */
    public static final int HELP_WIDTH = 80;

    private UipcCommandLine() {
    }

    /**
     * Builds the command line of a top command.
     *
     * @param topCommand the top command, its subcommands declared on its {@code @Command}
     * @return its command line, with {@code help} and {@code generate-completion} added last
     */
    public static CommandLine of(final Object topCommand) {
        final CommandLine commandLine = new CommandLine(topCommand)
            .addSubcommand(new CommandLine.HelpCommand())
            .addSubcommand(new AutoComplete.GenerateCompletion());
        final CommandLine.Model.CommandSpec completion = commandLine.getSubcommands().get("generate-completion").getCommandSpec();
        // Picocli makes it a help command, which ignores bad arguments; here they are bad usage like anywhere else.
        completion.helpCommand(false);
        completion.usageMessage().hidden(false).description("Print a bash completion script for uipc.",
            "To complete uipc commands in this shell: source <(uipc generate-completion)");
        return ErrorExitHandler.install(commandLine.setUsageHelpWidth(HELP_WIDTH));
    }
}
