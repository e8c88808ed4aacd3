package io.uipc.table;

import io.uipc.core.UipcException;

import java.nio.channels.FileLock;

/**
 * Whether the process behind a member handle still lives, asked of the kernel through the
 * member's liveness lock (which a dead process, even a SIGKILLed one, no longer holds) rather
 * than of its pid, which another pid namespace may hide or reuse. A slow-path check: one
 * {@code fcntl} and a small allocation.
 */
final class MemberLiveness {
    private final ProcessTable table;
    private final GroupLocks locks;

    MemberLiveness(final ProcessTable table, final GroupLocks locks) {
        this.table = table;
        this.locks = locks;
    }

    /**
     * Probes a member's process.
     *
     * @param memberHandle a member handle
     * @return whether its member is gone: it left, was reaped, or its process died (no one holds
     *     its liveness lock); false if it lives or this attachment can no longer tell (closed)
     */
    boolean isGone(final long memberHandle) {
        if (!table.isLive(memberHandle)) {
            return true;
        }
        final FileLock probe;
        try {
            probe = locks.probeDead(MemberHandle.slot(memberHandle));
        } catch (final UipcException e) {
            return false;
        }
        if (probe == null) {
            return false;
        }
        GroupLocks.releaseQuietly(probe);
        return true;
    }
}
