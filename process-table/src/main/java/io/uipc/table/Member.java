package io.uipc.table;

import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.Vectors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileLock;

/**
 * A joined endpoint of a group: its table entry, its liveness lock and the receiver of the
 * thread that joined. Publishes the vectors it accepts and sends to other members.
 * Once its entry is reclaimed or its group destroyed, every method throws
 * {@link MemberReclaimedException}.
 */
public final class Member implements AutoCloseable {
    private static final VarHandle SENT;
    private static final VarHandle FAILED;

    static {
        try {
            SENT = MethodHandles.lookup().findVarHandle(Member.class, "sent", long.class);
            FAILED = MethodHandles.lookup().findVarHandle(Member.class, "failed", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ProcessGroup group;
    private final ProcessTable table;
    private final String name;
    private final int slot;
    private final int generation;
    private final Receiver receiver;
    private final FileLock liveness;
    /**
     * Sends posted, written by the sending thread and read by the reaper's, which publishes it to
     * the entry with each heartbeat: opaque (a plain move on x86, but never torn, and seen
     * eventually), as a shared-memory store on every send would cost as much as the send.
     */
    private long sent;
    /** Sends that failed (an error code, or no such member or vector), kept and published as {@link #sent} is. */
    private long failed;
    private volatile String lostReason;
    private volatile boolean closed;

    Member(final ProcessGroup group, final ProcessTable table, final String name, final int slot, final int generation,
           final Receiver receiver, final FileLock liveness) {
        this.group = group;
        this.table = table;
        this.name = name;
        this.slot = slot;
        this.generation = generation;
        this.receiver = receiver;
        this.liveness = liveness;
    }

    /** {@return the member's name} */
    public String name() {
        return name;
    }

    /** {@return the entry slot (Oracle's PID)} */
    public int slot() {
        return slot;
    }

    /** {@return the entry generation (Oracle's SERIAL#)} */
    public int generation() {
        return generation;
    }

    /** {@return the {@link MemberHandle} other processes resolve to} */
    public long handle() {
        return MemberHandle.of(slot, generation);
    }

    /** {@return the receiver registered when this member joined} */
    public Receiver receiver() {
        return receiver;
    }

    /** {@return the group} */
    public ProcessGroup group() {
        return group;
    }

    /**
     * Registers {@code vector} in the group's shared UITT and publishes its index in this
     * member's entry, so senders find it by name.
     *
     * @param vector the vector, 0..63
     * @return the UITT handle
     */
    public long accept(final int vector) {
        Vectors.check(vector);
        ensureLive();
        final long handle = receiver.registerVector(vector);
        table.publishVector(slot, vector, handle);
        return handle;
    }

    /**
     * Sends through a resolved target and counts it (the count reaches this member's entry
     * with the next heartbeat). Allocates nothing.
     *
     * @param target a target from {@link ProcessGroup#resolve}
     * @return a {@link SendResult} code
     */
    public int send(final Target target) {
        return counted(target.send());
    }

    /**
     * Sends through a UITT handle and counts it (the count reaches this member's entry with the
     * next heartbeat: a store to shared memory on every send would cost as much as the send).
     * Allocates nothing.
     *
     * @param uittHandle a UITT handle
     * @return a {@link SendResult} code
     */
    public int send(final long uittHandle) {
        return counted(group.domain().send(uittHandle));
    }

    /**
     * Counts the sends this member posted (successful sends, coalesced ones included), read live
     * from the sending thread's counter: what the entry shows after the next heartbeat.
     *
     * @return sends posted so far
     */
    public long sentCount() {
        return (long) SENT.getOpaque(this);
    }

    /**
     * Counts the sends this member attempted that failed: an error {@link SendResult} code, or a
     * {@link #sendTo} that found no live member of the name accepting the vector. Read live from
     * the sending thread's counter: what the entry shows after the next heartbeat.
     *
     * @return failed sends so far
     */
    public long failedCount() {
        return (long) FAILED.getOpaque(this);
    }

    private int counted(final int result) {
        if (result >= 0) {
            SENT.setOpaque(this, (long) SENT.getOpaque(this) + 1);
        } else {
            FAILED.setOpaque(this, (long) FAILED.getOpaque(this) + 1);
        }
        return result;
    }

    /**
     * Looks up {@code memberName} and sends {@code vector}. Allocates nothing.
     *
     * @param memberName target name
     * @param vector     vector the target accepts
     * @return a {@link SendResult} code, or {@link SendResult#INVALID_ENTRY} if no live member
     *     of that name accepts the vector (counted as a failed send)
     */
    public int sendTo(final String memberName, final int vector) {
        final long member = group.lookup(memberName);
        final long handle = MemberHandle.isNull(member) ? ProcessGroup.NO_UITT_HANDLE : group.uittHandle(member, vector);
        return handle == ProcessGroup.NO_UITT_HANDLE ? counted(SendResult.INVALID_ENTRY) : send(handle);
    }

    /** Refreshes the heartbeat and the sent and failed counts, and checks this member still owns its entry. */
    void heartbeat() {
        final long control = table.control(slot);
        if (control != MemberEntryDescriptor.control(generation, MemberEntryDescriptor.ACTIVE)) {
            group.lost(this, "its table entry was reclaimed (now " + MemberState.describe(MemberEntryDescriptor.state(control))
                + ", generation " + MemberEntryDescriptor.generation(control) + "): it was declared dead");
            return;
        }
        if (!receiver.isOpen()) {
            group.lost(this, "its receiver's UPID slot was reclaimed");
            return;
        }
        table.putLong(slot, MemberEntryDescriptor.SENT_OFFSET, (long) SENT.getOpaque(this));
        table.putLong(slot, MemberEntryDescriptor.FAILED_OFFSET, (long) FAILED.getOpaque(this));
        table.putLong(slot, MemberEntryDescriptor.HEARTBEAT_OFFSET, System.currentTimeMillis());
    }

    /**
     * Refreshes the heartbeat alone, between full heartbeats, while the entry is still this
     * member's: one load and one store, no allocation.
     *
     * @param now the time, epoch ms
     */
    void beat(final long now) {
        if (table.control(slot) == MemberEntryDescriptor.control(generation, MemberEntryDescriptor.ACTIVE)) {
            table.putLong(slot, MemberEntryDescriptor.HEARTBEAT_OFFSET, now);
        }
    }

    boolean markLost(final String reason) {
        if (lostReason != null || closed) {
            return false;
        }
        lostReason = reason;
        return true;
    }

    /** {@return whether this member lost its entry or its group} */
    public boolean isLost() {
        return lostReason != null;
    }

    private void ensureLive() {
        if (lostReason != null) {
            throw new MemberReclaimedException("member '" + name + "': " + lostReason);
        }
        if (closed) {
            throw new IllegalStateException("member '" + name + "' has left the group");
        }
    }

    FileLock liveness() {
        return liveness;
    }

    /** Leaves the group: UITT entries invalidated, UPID and entry freed. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            group.leave(this);
        }
    }

    @Override
    public String toString() {
        return "Member[" + name + " slot " + slot + " serial " + Integer.toUnsignedString(generation) + "]";
    }
}
