package io.uipc.launcher.cli;

import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.core.Vectors;
import io.uipc.launcher.TerminalText;
import io.uipc.table.MemberInfo;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code uipc send}: fires one user interrupt at a member, from the shell. */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = {"Send a user interrupt to a member by name.", "Unknown or dead target: exit 1; vector out of range: exit 2."})
public final class SendCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Parameters(index = "1", paramLabel = "NAME", description = "Member name.")
    String name;
    @Parameters(index = "2", paramLabel = "VECTOR", description = "Vector, 0..63 (0 asks launched members to shut down).")
    int vector;
    @Mixin
    GroupDir dir;

    /** Creates the command; picocli sets its options. */
    public SendCommand() {
    }

    @Override
    public Integer call() {
        if (vector < 0 || vector > Vectors.MAX) {
            throw new UsageException("vector " + vector + " is out of range: user vectors are 0.." + Vectors.MAX);
        }
        try (ProcessGroup g = ProcessGroup.attach(dir.of(group))) {
            final MemberInfo info = g.member(name)
                .orElseThrow(() -> new UipcException("no live member named '" + name + "' in group " + group + ": not sent"));
            if (!g.liveMemberNames().contains(name)) {
                throw new UipcException("member '" + name + "' (pid " + info.pid() + ") is dead (its process exited; not reaped yet): not sent");
            }
            final Target target = g.resolve(name, vector);
            final int result = target.send();
            if (!SendResult.isPosted(result)) {
                throw new UipcException("vector " + vector + " to '" + name + "' not sent: " + SendResult.describe(result));
            }
            System.out.printf("sent vector %d to %s (slot %d, pid %d, UITT index %d): %s%n", vector, TerminalText.escape(name), info.slot(), info.pid(),
                io.uipc.core.UittHandle.index(target.uittHandle()), SendResult.describe(result));
        }
        return 0;
    }
}
