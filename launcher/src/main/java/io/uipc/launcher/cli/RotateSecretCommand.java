package io.uipc.launcher.cli;

import io.uipc.table.GroupFileNames;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code uipc rotate-secret}: replaces a group's secret, so that a secret someone read earlier
 * (a user since removed from the Unix group) no longer admits new joins.
 */
@Command(name = "rotate-secret", mixinStandardHelpOptions = true,
    description = {"Replace a process group's secret with a new random one.",
        "New joins need the new secret (read from the group's secret file; a running launcher reads it again for each member"
            + " it starts); members already joined are not affected. The secret is never printed.",
        "Only the group's owner may rotate it. Not the owner, or a missing group: exit 1."})
public final class RotateSecretCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Mixin
    GroupDir dir;

    /** Creates the command; picocli sets its options. */
    public RotateSecretCommand() {
    }

    @Override
    public Integer call() {
        try (ProcessGroup g = ProcessGroup.attach(dir.of(group))) {
            final long rotations = g.rotateSecret();
            System.out.printf("rotated the secret of group %s (rotation %d): new joins need the new secret in %s;"
                + " members already joined are not affected%n", group, rotations, g.directory().resolve(GroupFileNames.SECRET));
        }
        return 0;
    }
}
