package io.uipc.chaos.limits;

import io.uipc.core.UipcException;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupSpec;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child JVM for {@link LimitsTest}: a member of the group in its environment, put under one
 * resource limit. Modes (first argument):
 * <ul>
 *   <li>{@code full <root>}: on a full file system, creates another group under {@code root}
 *       and opens an inbox; prints {@code create-failed}/{@code inbox-failed} with the error;</li>
 *   <li>{@code fds}: lowers its own open-file limit (prlimit), attaches the group until that
 *       fails, prints {@code attach-failed}, releases them and joins again;</li>
 *   <li>{@code wait}: joins, prints {@code joined}, then waits on its receiver until it is halted.</li>
 * </ul>
 * Prints {@code end} when the mode finishes without crashing.
 */
public final class LimitsProbe {
    private LimitsProbe() {
    }

    /** @param args mode and its arguments */
    public static void main(final String[] args) throws Exception {
        final ProcessGroup group = GroupEnvironment.attachGroup();
        switch (args[0]) {
            case "full" -> full(group, args[1]);
            case "fds" -> fds(group);
            default -> {
                final Member me = group.join(GroupEnvironment.joinOptions());
                System.out.println("joined " + me.handle());
                for (;;) {
                    me.receiver().await(1, TimeUnit.SECONDS);
                }
            }
        }
        System.out.println("end");
    }

    private static void full(final ProcessGroup group, final String root) {
        try {
            ProcessGroup.create(GroupSpec.named("second").withRoot(Paths.get(root)).withCapacities(64, 4096, 16384)).close();
            System.out.println("create-succeeded");
        } catch (final UipcException e) {
            System.out.println("create-failed " + e.getMessage());
        }
        final Member me = group.join(GroupEnvironment.joinOptions());
        System.out.println("joined " + me.handle());
        try {
            Inbox.open(me, 1, InboxConfig.defaults().withCapacity(1 << 20)).close();
            System.out.println("inbox-succeeded");
        } catch (final UipcException e) {
            System.out.println("inbox-failed " + e.getMessage());
        }
        me.close();
    }

    private static void fds(final ProcessGroup group) throws Exception {
        final Process limit = new ProcessBuilder("prlimit", "--pid", Long.toString(ProcessHandle.current().pid()), "--nofile=256:256")
            .inheritIO().start();
        if (limit.waitFor() != 0) {
            throw new IllegalStateException("prlimit failed");
        }
        final List<ProcessGroup> attached = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                attached.add(ProcessGroup.attach(group.directory()));
            }
            System.out.println("attach-never-failed");
        } catch (final UipcException e) {
            System.out.println("attach-failed after " + attached.size() + ": " + e.getMessage());
        } finally {
            for (final ProcessGroup g : attached) {
                g.close();
            }
        }
        final Member me = group.join(GroupEnvironment.joinOptions());
        System.out.println("joined " + me.handle());
        me.close();
    }
}
