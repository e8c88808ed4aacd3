package io.uipc.dist;

import io.uipc.cli.UipcCommand;
import io.uipc.launcher.cli.UipcCommandLine;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Build-time generator of the release's documents from the real {@code uipc} command model (the
 * top command {@link UipcCommand} as {@link UipcCommandLine} assembles it, {@code help} and
 * {@code generate-completion} included): one AsciiDoc man page per command (Picocli's
 * {@link ManPageGenerator}; the build turns them into roff) and the bash completion script
 * (Picocli's {@link AutoComplete}, what {@code uipc generate-completion} prints). Run by the dist
 * module's build; never part of the release's {@code lib/}.
 */
public final class CommandModelDocs {
    private CommandModelDocs() {
    }

    /**
     * Writes the documents.
     *
     * @param args the directory for the AsciiDoc man pages, then the completion script's file
     * @throws Exception if the command model cannot be built or a file cannot be written
     */
    public static void main(final String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CommandModelDocs ASCIIDOC_DIR COMPLETION_FILE");
        }
        final CommandLine uipc = UipcCommandLine.of(CommandLine.defaultFactory().create(UipcCommand.class));
        final Path asciidoc = Files.createDirectories(Paths.get(args[0]));
        final int code = ManPageGenerator.generateManPage(asciidoc.toFile(), null, new boolean[0], false, uipc.getCommandSpec());
        if (code != 0) {
            throw new IllegalStateException("ManPageGenerator exited with " + code);
        }
        final Path completion = Paths.get(args[1]);
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, AutoComplete.bash(uipc.getCommandName(), uipc), StandardCharsets.UTF_8);
    }
}
