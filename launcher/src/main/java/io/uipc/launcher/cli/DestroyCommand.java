package io.uipc.launcher.cli;

import io.uipc.table.ProcessGroup;
import io.uipc.table.RemovedGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code uipc destroy}: deletes a group's files. Only the group's owner may; it refuses while
 * members live, or when the group is broken (cannot be attached), unless forced.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
    description = {"Delete a process group (only its owner can).",
        "Refuses while members live, unless --force (they then fail at their next heartbeat). A broken group "
            + "(truncated or corrupt files, half deleted, empty) is removed only with --force."})
public final class DestroyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Mixin
    GroupDir dir;
    @Option(names = "--force", description = "Delete even while members live, or when the group is broken.")
    boolean force;

    /** Creates the command; picocli sets its options. */
    public DestroyCommand() {
    }

    @Override
    public Integer call() {
        final RemovedGroup removed = ProcessGroup.destroy(dir.of(group), force);
        if (removed.broken()) {
            System.out.println("destroyed broken group " + group + " (" + removed.brokenBecause().orElseThrow() + "): removed "
                + (removed.files().isEmpty() ? "its empty directory " : String.join(", ", removed.files()) + " and its directory ")
                + removed.directory());
        } else {
            System.out.println("destroyed group " + group);
        }
        return 0;
    }
}
