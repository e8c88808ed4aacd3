package io.uipc.launcher;

import io.uipc.core.Receiver;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;

import java.util.concurrent.TimeUnit;

/**
 * The child's side of {@code uipc launch}: joins the group named by the launcher's environment
 * ({@link GroupEnvironment}) under the assigned name and role, accepts
 * {@link GroupVectors#SHUTDOWN}, and offers a simple event loop that runs the member's vector
 * handlers until shutdown. If the launcher's process dies, the member halts (exit code 70).
 *
 * <pre>{@code
 * try (LaunchedMember self = LaunchedMember.join(7)) {
 *     self.receiver().onVector(7, v -> System.out.println("got 7"));
 *     self.runUntilShutdown();
 * }
 * }</pre>
 */
public final class LaunchedMember implements AutoCloseable {
    /**
     * The launcher's pid, set by {@link GroupLauncher} for its members. When that process exits
     * without having stopped the member (SIGKILL, a crashed test JVM), the member halts, as a
     * database instance's processes do when its supervisor dies, rather than run unsupervised.
     */
    public static final String LAUNCHER_PID = "UIPC_LAUNCHER_PID";
    private static final int LAUNCHER_GONE_EXIT = 70;
    private final ProcessGroup group;
    private final Member member;

    private LaunchedMember(final ProcessGroup group, final Member member) {
        this.group = group;
        this.member = member;
    }

    /**
     * Attaches the group from {@code UIPC_GROUP_DIR} and joins it as {@code UIPC_MEMBER_NAME},
     * presenting {@code UIPC_GROUP_SECRET}; the calling thread becomes the member's receiver.
     * Publishes {@code vectors}, then {@link GroupVectors#SHUTDOWN} last: the launcher counts the
     * member ready once the shutdown vector is published, so senders then find every vector.
     *
     * @param vectors the member's own vectors, 1..63
     * @return the joined member, accepting {@code vectors} and {@link GroupVectors#SHUTDOWN}
     */
    public static LaunchedMember join(final int... vectors) {
        final ProcessGroup group = GroupEnvironment.attachGroup();
        try {
            final Member member = group.join(GroupEnvironment.joinOptions());
            for (final int v : vectors) {
                member.accept(v);
            }
            member.accept(GroupVectors.SHUTDOWN);
            watchLauncher(member.name());
            return new LaunchedMember(group, member);
        } catch (final RuntimeException e) {
            group.close();
            throw e;
        }
    }

    private static void watchLauncher(final String name) {
        final String pid = System.getenv(LAUNCHER_PID);
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresentOrElse(
            launcher -> launcher.onExit().thenRun(() -> launcherGone(name, pid)), () -> launcherGone(name, pid));
    }

    private static void launcherGone(final String name, final String pid) {
        System.err.println(name + ": launcher (pid " + pid + ") exited without stopping this member; halting");
        System.err.flush();
        Runtime.getRuntime().halt(LAUNCHER_GONE_EXIT);
    }

    /** {@return the group} */
    public ProcessGroup group() {
        return group;
    }

    /** {@return this process's member} */
    public Member member() {
        return member;
    }

    /** {@return the member's receiver} */
    public Receiver receiver() {
        return member.receiver();
    }

    /**
     * Awaits vectors on the calling (joining) thread and dispatches their handlers, highest
     * first, until {@link GroupVectors#SHUTDOWN} arrives.
     */
    public void runUntilShutdown() {
        final Receiver receiver = member.receiver();
        for (;;) {
            final long vectors = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            receiver.dispatch(vectors & ~GroupVectors.SHUTDOWN_BIT);
            if ((vectors & GroupVectors.SHUTDOWN_BIT) != 0) {
                return;
            }
        }
    }

    /** Leaves the group and detaches. */
    @Override
    public void close() {
        member.close();
        group.close();
    }
}
