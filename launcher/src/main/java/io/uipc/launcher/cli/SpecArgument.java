package io.uipc.launcher.cli;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.OldSpecFormatException;
import io.uipc.launcher.spec.SpecParser;

import java.nio.file.Path;

/** A spec file named on the command line: one in the old format is bad usage (exit 2), its message naming the converter. */
final class SpecArgument {
    private SpecArgument() {
    }

    /**
     * @param file the spec file as the user named it
     * @return the spec
     * @throws UsageException for a spec in the old format
     * @throws io.uipc.launcher.spec.SpecException for any other unusable spec
     */
    static LaunchSpec parse(final Path file) {
        try {
            return SpecParser.parse(file);
        } catch (final OldSpecFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
