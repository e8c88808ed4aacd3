package io.uipc.launcher.cli;

import io.uipc.table.GroupSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --dir} option shared by the commands that name a group. */
public final class GroupDir {
    @Option(names = "--dir", paramLabel = "DIR", description = "Directory holding group directories (default: ${DEFAULT-VALUE}).")
    Path root = GroupSpec.defaultRoot();

    /** Creates the option; picocli sets it. */
    public GroupDir() {
    }

    /**
     * @param group a group name
     * @return the group's directory
     */
    Path of(final String group) {
        return root.resolve(GroupSpec.checkName(group));
    }

    /** {@return the directory holding group directories} */
    public Path root() {
        return root;
    }
}
