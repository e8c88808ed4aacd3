package io.uipc.launcher.cli;

import io.uipc.launcher.spec.SpecFile;
import io.uipc.launcher.spec.SpecParser;
import io.uipc.launcher.spec.legacy.SpecConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code uipc convert-spec}: prints an old-format spec as the TOML spec {@code uipc launch} reads. */
@Command(name = "convert-spec", mixinStandardHelpOptions = true, description = {
    "Print a spec in uipc's old format ([group], [process NAME] sections) as TOML.",
    "Comment lines are kept, and the result launches the same group.", "Example: uipc convert-spec old.spec > new.toml."})
public final class ConvertSpecCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Spec file in the old format.")
    Path specFile;

    /** Creates the command; picocli sets its options. */
    public ConvertSpecCommand() {
    }

    @Override
    public Integer call() {
        final String text = SpecFile.read(specFile);
        if (!SpecConverter.isOldFormat(text)) {
            throw new UsageException(specFile + " is not in uipc's old spec format (no [group] or [process NAME] line)");
        }
        final String toml = SpecConverter.convert(specFile.toString(), text);
        SpecParser.parse(specFile.toString(), toml);
        System.out.print(toml);
        System.out.flush();
        return 0;
    }
}
