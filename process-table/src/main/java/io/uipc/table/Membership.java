package io.uipc.table;

import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.UipcException;

import java.nio.channels.FileLock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.uipc.table.MemberEntryDescriptor.ACTIVE;
import static io.uipc.table.MemberEntryDescriptor.DEATH_NOTICE_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.EXITING;
import static io.uipc.table.MemberEntryDescriptor.FREE;
import static io.uipc.table.MemberEntryDescriptor.HEARTBEAT_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.JOIN_TIME_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.PID_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.START_TIME_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.UPID_GENERATION_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.UPID_INDEX_OFFSET;

/**
 * The members this process has in one group, and their comings and goings: a join checks the
 * secret, claims an entry and fills it; a leave frees it. Both change the table under the
 * group's mutation lock (the entry life cycle and lock order are in the package documentation).
 * The list of local members is read by the {@link Reaper}'s thread, hence copy-on-write.
 */
final class Membership {
    private final GroupDirectory files;
    private final ProcessTable table;
    private final InterruptDomain domain;
    private final GroupLocks locks;
    private final EntryReclaimer reclaimer;
    private final TableSecret secret;
    private final List<Member> members = new CopyOnWriteArrayList<>();
    /** This process's members' MXBeans, registered on join, unregistered on leave or loss. */
    private final MemberJmx jmx;

    Membership(final GroupDirectory files) {
        this.files = files;
        this.table = files.table();
        this.domain = files.domain();
        this.locks = files.locks();
        this.reclaimer = new EntryReclaimer(files);
        this.secret = new TableSecret(table.buffer());
        this.jmx = new MemberJmx();
    }

    /**
     * Joins: checks the secret, claims an entry, takes its liveness lock, registers a receiver
     * for the calling thread and publishes the member under its name. A member whose process died
     * and that still holds the name, or the last free entries, is reclaimed first (its liveness
     * lock proves it dead), so a group that nobody reaps can still be joined.
     *
     * @param group   the group the member belongs to
     * @param options name, role, secret, death notice
     * @return the member
     * @throws GroupAccessException if the secret is missing or wrong
     * @throws UipcException        if a live member has the name, or the table is full of live members
     */
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    Member join(final ProcessGroup group, final JoinOptions options) {
        final long checkedAt = checkSecret(options, false);
        final Member member;
        boolean reclaimed = false;
        try (GroupLocks.Held ignored = locks.mutation()) {
            if (checkedAt < 0 || secret.sequence() != checkedAt) {
                checkSecret(options, true);
            }
            final long holder = table.lookup(options.name());
            if (!MemberHandle.isNull(holder)) {
                if (reclaimer.reclaimIfDead(MemberHandle.slot(holder)) == null) {
                    throw new UipcException("name '" + options.name() + "' is already taken in group " + files.name()
                        + " by a live member");
                }
                reclaimed = true;
            }
            Claimed claim = claimLocked();
            if (claim == null) {
                reclaimed |= reclaimDeadLocked();
                claim = claimLocked();
            }
            if (claim == null) {
                throw new UipcException("process table of group " + files.name() + " is full: all " + table.entryCapacity()
                    + " entries are taken by live members");
            }
            member = fill(group, claim, options);
        }
        if (reclaimed) {
            reclaimer.postDeathNotices();
        }
        members.add(member);
        jmx.expose(member);
        return member;
    }

    /** Reclaims every entry whose owner is dead (mutation lock held); @return whether any was. */
    private boolean reclaimDeadLocked() {
        boolean any = false;
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            if (!table.isFree(slot) && reclaimer.reclaimIfDead(slot) != null) {
                any = true;
            }
        }
        return any;
    }

    /**
     * Checks the presented secret against the table's salt and hash, read without a lock as one
     * consistent pair (a concurrent rotation shows the old pair or the new one). Join re-checks
     * under the mutation lock if a rotation happened since, so no join completes with a secret
     * that was replaced before it claimed its entry.
     *
     * @param locked whether the caller holds the mutation lock, under which no live rotation runs
     * @return the secret sequence the check passed at, or -1 if a rotation was being written (not locked)
     * @throws GroupAccessException if the secret is missing or wrong, or a rotation died half-way
     */
    private long checkSecret(final JoinOptions options, final boolean locked) {
        final String presented = options.secret().orElse(System.getenv(GroupSecret.ENV));
        if (presented == null || presented.isBlank()) {
            throw new GroupAccessException("no secret presented to join group " + files.name() + ": set " + GroupSecret.ENV
                + " or pass JoinOptions.secret (the launcher does this for its children)");
        }
        final TableSecret.Pair pair = secret.read();
        if (pair == null) {
            if (!locked) {
                return -1;
            }
            throw new GroupAccessException("the secret of group " + files.name() + " is unusable: a rotation died half-way;"
                + " run 'uipc rotate-secret " + files.name() + "' again: join refused");
        }
        if (!pair.matches(presented)) {
            throw new GroupAccessException("wrong secret for group " + files.name() + (options.secret().isPresent() ? "" : " (from "
                + GroupSecret.ENV + ")") + ": join refused");
        }
        return pair.sequence();
    }

    /**
     * Claims a free entry whose liveness lock this process took first (mutation lock held).
     * Lock before claim: probers (the reaper's scan, {@link GroupSnapshot#liveMemberNames}) only
     * probe entries that are not FREE, so none can hold the lock of an entry this joiner claimed;
     * a FREE entry whose lock is held for a moment (a member that just left, a late probe) is
     * skipped.
     *
     * @return the claimed slot and its liveness lock, or null if no free entry could be claimed
     */
    private Claimed claimLocked() {
        final int capacity = table.entryCapacity();
        final int start = table.claimHint();
        for (int i = 0; i < capacity; i++) {
            final int slot = (start + i) % capacity;
            if (!table.isFree(slot)) {
                continue;
            }
            final FileLock liveness = locks.holdForMember(slot);
            if (liveness == null) {
                continue;
            }
            if (table.claim(slot)) {
                return new Claimed(slot, liveness);
            }
            locks.releaseMember(slot, liveness);
        }
        return null;
    }

    /** A claimed entry and the liveness lock taken for it. */
    private record Claimed(int slot, FileLock liveness) {
    }

    /** Fills a CLAIMING entry and makes it ACTIVE, or frees it again if anything fails (mutation lock held). */
    private Member fill(final ProcessGroup group, final Claimed claim, final JoinOptions options) {
        final int slot = claim.slot();
        final FileLock liveness = claim.liveness();
        final long claimed = table.control(slot);
        Receiver receiver = null;
        try {
            final long pid = ProcessHandle.current().pid();
            final long now = System.currentTimeMillis();
            table.clearEntry(slot);
            table.putLong(slot, PID_OFFSET, pid);
            table.putLong(slot, START_TIME_OFFSET, ProcStat.selfStartTicks());
            table.putLong(slot, JOIN_TIME_OFFSET, now);
            table.putLong(slot, HEARTBEAT_OFFSET, now);
            table.putInt(slot, DEATH_NOTICE_OFFSET, options.deathNoticeVector());
            table.putName(slot, options.name(), options.role());
            receiver = domain.registerReceiver();
            table.putInt(slot, UPID_INDEX_OFFSET, receiver.upidIndex());
            table.putInt(slot, UPID_GENERATION_OFFSET, receiver.upidGeneration());
            if (options.deathNoticeVector() >= 0) {
                table.publishVector(slot, options.deathNoticeVector(), receiver.registerVector(options.deathNoticeVector()));
            }
            table.indexInsert(slot, options.name());
            final int generation = MemberEntryDescriptor.generation(claimed);
            table.putControl(slot, MemberEntryDescriptor.control(generation, ACTIVE));
            return new Member(group, table, options.name(), slot, generation, receiver, liveness);
        } catch (final RuntimeException e) {
            if (receiver != null) {
                receiver.close();
            }
            table.putControl(slot, MemberEntryDescriptor.control(MemberEntryDescriptor.generation(claimed), FREE));
            locks.releaseMember(slot, liveness);
            throw e;
        }
    }

    /**
     * Leaves: invalidates the member's UITT entries, frees its UPID and its entry, then drops its
     * liveness lock. An entry the reaper already reclaimed is left as it is.
     *
     * @param member a member of this process
     */
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    void leave(final Member member) {
        members.remove(member);
        jmx.withdraw(member);
        try (GroupLocks.Held ignored = locks.mutation()) {
            final long control = table.control(member.slot());
            if (MemberEntryDescriptor.generation(control) == member.generation() && MemberEntryDescriptor.state(control) == ACTIVE) {
                table.putControl(member.slot(), MemberEntryDescriptor.control(member.generation(), EXITING));
                closeReceiver(member);
                table.indexRemove(member.slot());
                table.putControl(member.slot(), MemberEntryDescriptor.control(member.generation(), FREE));
            } else {
                closeReceiver(member);
            }
        } finally {
            locks.releaseMember(member.slot(), member.liveness());
        }
    }

    /**
     * Closes a leaving member's receiver unless a reaper reclaimed it (closing a receiver that is
     * not registered is an error). The mutation lock is held: no reaper reclaims it meanwhile.
     */
    private static void closeReceiver(final Member member) {
        if (member.receiver().isOpen()) {
            member.receiver().close();
        }
    }

    /** Leaves with every member of this process. */
    void leaveAll() {
        for (final Member m : List.copyOf(members)) {
            m.close();
        }
    }

    /**
     * Forgets a member that lost its entry or its group, without touching the table.
     *
     * @param member a member of this process
     */
    void forget(final Member member) {
        members.remove(member);
        jmx.withdraw(member);
    }

    /**
     * The members of this process, for the reaper's heartbeats.
     *
     * @return a live, thread-safe view; iterating it sees a snapshot
     */
    List<Member> local() {
        return members;
    }
}
