package io.uipc.table;

import io.uipc.core.InterruptDomain;
import io.uipc.core.UipcException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A process group: one process table and one interrupt domain, in one directory, shared by
 * cooperating processes. Members {@link #join} and publish the UITT indices of the vectors
 * they accept; senders {@link #lookup} or {@link #resolve} targets by name and send.
 * Dead members are found through their liveness locks and reclaimed by the elected reaper.
 *
 * <p>This class is the facade; the work is done by the group's attached files
 * ({@code GroupDirectory}), this process's members ({@code Membership}), the liveness and reaping
 * thread ({@code Reaper}) and the table's snapshots ({@code GroupSnapshot}). Lookups go straight
 * to the table and allocate nothing. The package documentation has the entry state machine, who
 * writes each shared word, and the lock order.
 */
public final class ProcessGroup implements AutoCloseable {
    /** What {@link #uittHandle} returns when the member is gone or does not accept the vector. */
    public static final long NO_UITT_HANDLE = -1L;

    private final GroupDirectory files;
    private final ProcessTable table;
    private final Membership membership;
    private final Reaper reaper;
    private final GroupSnapshot snapshot;
    private final MemberLiveness liveness;

    private ProcessGroup(final GroupDirectory files, final GroupFileGuard guard) {
        this.files = files;
        this.table = files.table();
        this.membership = new Membership(files);
        this.reaper = new Reaper(files, membership, guard);
        this.snapshot = new GroupSnapshot(files);
        this.liveness = new MemberLiveness(table, files.locks());
    }

    /**
     * Creates a group's directory and files atomically (built under a temporary name, then
     * renamed into place) and attaches it.
     *
     * @param spec name, location, capacities, Unix group, backend
     * @return the attached group
     * @throws UipcException if it exists or cannot be created
     */
    public static ProcessGroup create(final GroupSpec spec) {
        return attach(GroupDirectory.create(spec));
    }

    /**
     * Attaches an existing group under the default root.
     *
     * @param name group name under the default root
     * @return the attached group
     * @throws UipcException if it is missing, refused, or corrupt
     */
    public static ProcessGroup attach(final String name) {
        return attach(GroupSpec.defaultRoot().resolve(GroupSpec.checkName(name)));
    }

    /**
     * Attaches an existing group: checks access, validates the table and the domain.
     *
     * @param groupDir the group's directory
     * @return the attached group
     * @throws IllegalArgumentException if the directory's name is not a plain group name, such as '..'
     * @throws UipcException if it is missing, refused, or corrupt
     */
    public static ProcessGroup attach(final Path groupDir) {
        final GroupFileGuard guard = GroupFileGuard.beforeAttach(groupDir);
        return new ProcessGroup(GroupDirectory.attach(groupDir), guard.completeAfterAttach());
    }

    /**
     * Deletes a group's directory and files, relative to the opened directory and never
     * following a link, and only if this process owns it. A broken group (a file truncated or
     * corrupt, files half deleted, an empty directory) cannot be attached: it is removed only
     * with {@code force}.
     *
     * @param groupDir the group's directory
     * @param force    delete even while members live (they fail loudly at their next heartbeat),
     *                 or when the group is broken
     * @return what was removed, and whether the group was broken
     * @throws IllegalArgumentException if the directory's name is not a plain group name, such as '..'
     * @throws GroupAccessException if another user owns it (nothing is deleted)
     * @throws UipcException if there is none, or members live or it is broken and not {@code force}
     *     (nothing is deleted), or something in it cannot be removed (the message names it)
     */
    public static RemovedGroup destroy(final Path groupDir, final boolean force) {
        return GroupDirectory.destroy(groupDir, force);
    }

    /**
     * The group's directory.
     *
     * @return its absolute path
     */
    public Path directory() {
        return files.path();
    }

    /**
     * The group's name.
     *
     * @return the name of its directory
     */
    public String name() {
        return files.name();
    }

    /**
     * The group's interrupt domain.
     *
     * @return the attached domain
     */
    public InterruptDomain domain() {
        return files.domain();
    }

    /**
     * The table's size.
     *
     * @return process table entries
     */
    public int capacity() {
        return table.entryCapacity();
    }

    /**
     * Reads the group secret from its file, for a launcher handing it to children.
     *
     * @return the secret
     * @throws GroupAccessException if this process may not read it
     */
    public String readSecret() {
        return files.readSecret();
    }

    /**
     * Replaces the group secret ({@code uipc rotate-secret}): a new random secret in its file, its
     * salt and hash in the table. New joins need the new secret (a launcher reads it again for
     * every member it starts); live members are not affected. A join racing the rotation checks
     * the old pair or the new one, never a mix.
     *
     * @return how many times the group's secret has been rotated, this time included
     * @throws GroupAccessException if this process's uid does not own the group's directory
     * @throws UipcException        if the secret file cannot be replaced (the old secret stays valid)
     */
    public long rotateSecret() {
        return new SecretRotation(files).rotate();
    }

    /**
     * Sets what happens when a member of this process loses its identity.
     *
     * @param handler called once when a member of this process finds its entry reclaimed or
     *                its group destroyed; the default prints the reason and halts the JVM
     *                (exit code 70), as a database process must not run on without its identity
     */
    public void onMemberLost(final Consumer<MemberReclaimedException> handler) {
        reaper.onMemberLost(handler);
    }

    /**
     * Sets what happens when this process finds the group's files deleted, truncated or replaced
     * (checked every 200 ms once the reaper thread runs, and before each {@link #reap()}).
     *
     * @param handler called once, after every member of this process was declared lost (see
     *                {@link #onMemberLost}); by default nothing more happens. A launcher stops
     *                its members here.
     */
    public void onGroupLost(final Consumer<GroupLostException> handler) {
        reaper.onGroupLost(handler);
    }

    /**
     * Tells whether this process found the group's files deleted, truncated or replaced; once
     * it has, nothing of the group may be used (its mappings may fault).
     *
     * @return whether the group is lost to this process
     */
    public boolean isLost() {
        return reaper.isLost();
    }

    /**
     * Joins the group: checks the secret, claims an entry, takes its liveness lock, registers
     * a receiver for the calling thread and publishes the member under its name. Starts this
     * attachment's reaper thread, which keeps the member's heartbeat.
     *
     * @param options name, role, secret, death notice
     * @return the member
     * @throws GroupAccessException if the secret is missing or wrong
     * @throws UipcException        if the name is taken or the table full
     */
    public Member join(final JoinOptions options) {
        final Member member = membership.join(this, options);
        reaper.start();
        return member;
    }

    /**
     * Lock-free lookup by name; allocates nothing.
     *
     * @param memberName a member name
     * @return a {@link MemberHandle}, or {@link MemberHandle#NULL} if no live member has the name
     */
    public long lookup(final String memberName) {
        return table.lookup(memberName);
    }

    /**
     * Reads the UITT handle a member published for a vector; allocates nothing.
     *
     * @param memberHandle a handle from {@link #lookup}
     * @param vector       a vector the member accepts
     * @return the UITT handle the member published for it, or {@link #NO_UITT_HANDLE} if the
     *     member is gone or does not accept the vector
     */
    public long uittHandle(final long memberHandle, final int vector) {
        return table.uittHandle(memberHandle, vector);
    }

    /**
     * Resolves a target for repeated sends; cache it: sends through it after the member died
     * or its slot was reused fail with STALE_ENTRY and never reach the newcomer.
     *
     * @param memberName member name
     * @param vector     vector it accepts
     * @return the target
     * @throws UipcException if no live member has the name, or it does not accept the vector
     */
    public Target resolve(final String memberName, final int vector) {
        final long member = lookup(memberName);
        if (MemberHandle.isNull(member)) {
            throw new UipcException("no live member named '" + memberName + "' in group " + name());
        }
        final long handle = uittHandle(member, vector);
        if (handle == NO_UITT_HANDLE) {
            throw new UipcException("member '" + memberName + "' of group " + name() + " does not accept vector " + vector);
        }
        return new Target(domain(), liveness, memberName, vector, member, handle);
    }

    /**
     * Checks a handle against the table; allocates nothing.
     *
     * @param memberHandle a member handle
     * @return whether it still names a live (ACTIVE) entry of that generation
     */
    public boolean isLive(final long memberHandle) {
        return table.isLive(memberHandle);
    }

    /**
     * Snapshots the table.
     *
     * @return every non-free entry, by slot
     */
    public List<MemberInfo> members() {
        return snapshot.members();
    }

    /**
     * Snapshots one member.
     *
     * @param memberName a name
     * @return its entry, if a live member has the name
     */
    public Optional<MemberInfo> member(final String memberName) {
        return snapshot.member(memberName);
    }

    /**
     * Snapshots the members of one process.
     *
     * @param pid an OS pid
     * @return the active members of that process
     */
    public List<MemberInfo> membersOfPid(final long pid) {
        return snapshot.membersOfPid(pid);
    }

    /**
     * Probes which entries' owners are alive.
     *
     * @return names of entries whose owner process is alive (its liveness lock is held)
     */
    public List<String> liveMemberNames() {
        return snapshot.liveMemberNames();
    }

    /**
     * Reads the group's death count.
     *
     * @return members this group has reaped since it was created
     */
    public long deathsReaped() {
        return reaper.deathsReaped();
    }

    /**
     * {@return the layout version of the process table (and lock file), as its header records it; the domain's: {@code domain().layoutVersion()}}
     */
    public int tableLayoutVersion() {
        return table.buffer().getInt(ProcessTableDescriptor.VERSION_OFFSET);
    }

    /**
     * Reads who reaps.
     *
     * @return the pid of the last process elected reaper, or 0
     */
    public int reaperPid() {
        return reaper.reaperPid();
    }

    /**
     * Makes this process a reaper candidate even without members (a launcher does this): it
     * takes part in the election and, once elected, looks for dead members every 50 ms.
     */
    public void startReaper() {
        reaper.start();
    }

    /**
     * Finds dead members now and reclaims them: invalidates their UITT entries, frees their
     * UPIDs and slots, and posts the death-notice vector to members that asked for it.
     *
     * @return members reclaimed
     * @throws GroupLostException if the group's files were deleted, truncated or replaced
     */
    public int reap() {
        return reapDead().members().size();
    }

    /**
     * Finds dead members now and reclaims them, as {@link #reap()} does, and says what it
     * reclaimed: {@code uipc reap}, for a group that no launcher or member reaps. Death is proved
     * by a member's liveness lock, never by its pid.
     *
     * @return the members reclaimed, as their entries were, and the orphaned UPID slots and UITT
     *     entries freed
     */
    public ReapReport reapDead() {
        return reaper.reap();
    }

    /**
     * Leaves for a member of this group ({@code Membership.leave}).
     *
     * @param member a member of this process
     */
    void leave(final Member member) {
        membership.leave(member);
    }

    /**
     * Declares a member of this group lost ({@code Reaper.lost}).
     *
     * @param member a member of this process
     * @param reason why
     */
    void lost(final Member member, final String reason) {
        reaper.lost(member, reason);
    }

    /**
     * The mapped table, for this package's tests.
     *
     * @return the table
     */
    ProcessTable table() {
        return table;
    }

    /**
     * The reaper, for this package's tests.
     *
     * @return the reaper
     */
    Reaper reaper() {
        return reaper;
    }

    /** Stops the reaper thread, leaves with every member of this process and detaches. */
    @Override
    public void close() {
        reaper.close();
        membership.leaveAll();
        files.close();
    }
}
