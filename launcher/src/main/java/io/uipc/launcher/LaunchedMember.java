package io.uipc.launcher;

import io.uipc.core.Receiver;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupVectors;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child's side of {@code uipc launch}: joins the group named by the launcher's environment
 * ({@link GroupEnvironment}) under the assigned name and role, accepts
 * {@link GroupVectors#SHUTDOWN}, and offers a simple event loop that runs the member's vector
 * handlers until shutdown. If the launcher's process dies, the member ends: {@link MemberMain},
 * the entry point of every launched JVM, watches the launcher for it.
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
     * The launcher's pid, set by {@link GroupLauncher} for its members, for their information
     * (log lines, diagnostics). Watching the launcher is {@link MemberMain}'s job, through a pipe
     * rather than this pid, which the kernel may give to another process once the launcher died.
     */
    public static final String LAUNCHER_PID = "UIPC_LAUNCHER_PID";
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
            return new LaunchedMember(group, member);
        } catch (final RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /**
     * Gives the joined group.
     *
     * @return the group
     */
    public ProcessGroup group() {
        return group;
    }

    /**
     * Gives this process's member.
     *
     * @return this process's member
     */
    public Member member() {
        return member;
    }

    /**
     * Gives the receiver that the joining thread became.
     *
     * @return the member's receiver
     */
    public Receiver receiver() {
        return member.receiver();
    }

    /**
     * Awaits vectors on the calling (joining) thread and dispatches their handlers as
     * {@link Receiver#dispatch} does, until {@link GroupVectors#SHUTDOWN} arrives (its handler,
     * set here, ends the loop once the vectors taken with it have run).
     */
    public void runUntilShutdown() {
        final Receiver receiver = member.receiver();
        final AtomicBoolean shutdown = new AtomicBoolean();
        receiver.onVector(GroupVectors.SHUTDOWN, v -> shutdown.set(true));
        while (!shutdown.get()) {
            receiver.dispatch(receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        }
    }

    /** Leaves the group and detaches. */
    @Override
    public void close() {
        member.close();
        group.close();
    }
}
