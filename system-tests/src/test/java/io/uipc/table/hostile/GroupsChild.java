package io.uipc.table.hostile;

import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.CommandLoop;
import io.uipc.testing.StopWhileCreating;

import java.nio.file.Path;

/**
 * A child JVM, run as another user, that creates and attaches groups on command: "create ROOT
 * NAME" creates a small group and replies "create created", "attach DIR" attaches one and
 * replies "attach attached"; a refusal is an error reply carrying the exception's message.
 * "createstuck ROOT NAME" replies at once and creates the group on another thread, which stops
 * for good at its first file made under a temporary name ({@link StopWhileCreating}).
 */
public final class GroupsChild {
    private GroupsChild() {
    }

    /**
     * Serves the commands until end of input.
     *
     * @param args ignored
     */
    public static void main(final String[] args) {
        new CommandLoop()
            .on("create", a -> {
                ProcessGroup.create(GroupSpec.named(a[1]).withRoot(Path.of(a[0])).withCapacities(8, 8, 64)).close();
                return "created";
            })
            .on("createstuck", a -> {
                StopWhileCreating.install();
                CommandLoop.daemonThread("creating").execute(() ->
                    ProcessGroup.create(GroupSpec.named(a[1]).withRoot(Path.of(a[0])).withCapacities(8, 8, 64)));
                return "";
            })
            .on("attach", a -> {
                ProcessGroup.attach(Path.of(a[0])).close();
                return "attached";
            })
            .run();
    }
}
