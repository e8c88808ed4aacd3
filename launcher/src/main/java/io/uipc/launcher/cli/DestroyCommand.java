package io.uipc.launcher.cli;

import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code uipc destroy}: deletes a group's files; refuses while members live unless forced. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
    description = {"Delete a process group.", "Refuses while members live, unless --force (they then fail at their next heartbeat)."})
public final class DestroyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Mixin
    GroupDir dir;
    @Option(names = "--force", description = "Delete even while members live.")
    boolean force;

    /** Creates the command; picocli sets its options. */
    public DestroyCommand() {
    }

    @Override
    public Integer call() {
        ProcessGroup.destroy(dir.of(group), force);
        System.out.println("destroyed group " + group);
        return 0;
    }
}
