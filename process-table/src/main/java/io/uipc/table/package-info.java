/**
 * Process groups: processes that share one process table and one interrupt domain, in one
 * directory, join by name, find each other by name without locks, and are reaped when they die.
 *
 * <p>{@link io.uipc.table.ProcessGroup} is the facade. Behind it, {@code GroupDirectory} creates,
 * attaches and deletes the group's files; {@code Membership} joins and leaves this process's
 * {@link io.uipc.table.Member}s; {@code Reaper} runs one thread per attachment that keeps their
 * heartbeats, elects a reaper and reclaims dead members; {@code GroupSnapshot} reads the table
 * for tools; {@code ProcessTable} is the flyweight over the mapped table. The layouts are in
 * {@link io.uipc.table.ProcessTableDescriptor} and {@link io.uipc.table.MemberEntryDescriptor};
 * the lock file's is in {@link io.uipc.table.LockFileDescriptor}, and the files' names in
 * {@link io.uipc.table.GroupFileNames}. A member is named by a {@link io.uipc.table.MemberHandle},
 * a {@code long} of slot and generation.
 *
 * <h2>The entry state machine</h2>
 *
 * <p>An entry's control word holds its state and its generation (Oracle's SERIAL#). Only a claim
 * changes the generation; a member handle resolves only while its entry is ACTIVE with the
 * handle's generation, so it is stale for good once its member leaves or dies.
 * <pre>
 *   FREE(g) --claim: CAS, by a joiner--&gt; CLAIMING(g+1) --filled and indexed--&gt; ACTIVE(g+1)
 *   CLAIMING(g+1) --the fill failed--&gt; FREE(g+1)
 *   ACTIVE(g+1) --leave--&gt; EXITING(g+1) --UPID released, unindexed--&gt; FREE(g+1)
 *   CLAIMING, ACTIVE or EXITING(g+1), owner dead --reaper--&gt; DEAD(g+1) --cleaned up--&gt; FREE(g+1)
 * </pre>
 * Every transition is made under the group's mutation lock: the claim with a CAS, the others
 * with volatile writes. The reaper takes an entry whose liveness lock it could take, so a joiner
 * or leaver that died half-way (CLAIMING, EXITING) is cleaned up like a dead ACTIVE member.
 *
 * <h2>Who writes each shared word, and how</h2>
 *
 * <p>In Agrona's and JCTools' terms: <em>plain</em> (no ordering), <em>ordered</em> (a release
 * store: Agrona's {@code putXxxOrdered}), <em>volatile</em> (a sequentially consistent store or
 * load: {@code putXxxVolatile}, {@code getXxxVolatile}), <em>CAS</em> (compare-and-set).
 *
 * <p>Table header ({@link io.uipc.table.ProcessTableDescriptor}):
 * <ul>
 *   <li>Magic: the creator, once, volatile, after every other header field; attaching reads it
 *       volatile before the rest.</li>
 *   <li>Version, header length, capacities, total length, creator pid, creation time, backend
 *       name: the creator, plain, before the magic; never written again.</li>
 *   <li>Secret salt and hash: the creator, plain, before the magic; then only a rotation
 *       ({@code SecretRotation}), plain, under the mutation lock, between two volatile writes of
 *       the secret sequence (odd, then even), with a store-store fence after the first. Joiners
 *       read them plain between two volatile reads of the sequence, with an acquire fence before
 *       the second, and use them only if both reads agree and are even ({@code TableSecret}).</li>
 *   <li>Entry claim hint: each joiner, ordered, after its claim; read volatile by joiners. A hint
 *       only: any value is safe.</li>
 *   <li>Reaper pid: the elected reaper, volatile, every cycle; read volatile by tools.</li>
 *   <li>Deaths reaped: the reaper, an atomic add under the mutation lock; read volatile.</li>
 * </ul>
 *
 * <p>Member entry ({@link io.uipc.table.MemberEntryDescriptor}):
 * <ul>
 *   <li>Control word: a joiner's claim (CAS FREE to CLAIMING); then volatile writes by the
 *       mutation lock's holder: the joiner (ACTIVE, or FREE if the fill failed), the leaver
 *       (EXITING, FREE), the reaper (DEAD, FREE). Read volatile by all; a lookup reads it before
 *       and after comparing the name and accepts the entry only if it did not change.</li>
 *   <li>Name hash, name and role lengths and bytes: the joiner, plain, while CLAIMING (the claim
 *       first zeroes the entry, plain), published by its volatile write of ACTIVE. Read plain,
 *       between the two reads of the control word, and bounds-checked.</li>
 *   <li>Pid, start time, join time, UPID index and generation, death-notice vector: the joiner,
 *       volatile, while CLAIMING.</li>
 *   <li>Heartbeat: the owner's reaper thread, volatile, every 100 ms; sent count: the same
 *       thread every 200 ms (the joiner writes the first heartbeat).</li>
 *   <li>UITT handles and their vector bytes: the owning member ({@link io.uipc.table.Member#accept},
 *       without the mutation lock: an entry's vector slots are its member's own), the handle
 *       volatile, then its vector byte volatile. A reader finds the vector byte (a volatile load,
 *       so that the handle read next is the one published before it), reads the handle
 *       volatile, then re-reads the control word: a handle read from an entry that changed
 *       meanwhile is discarded.</li>
 *   <li>Offset 48 (once a bit set of accepted vectors): reserved; never written or read, zeroed
 *       with the entry.</li>
 * </ul>
 *
 * <p>Name index cells: written volatile under the mutation lock, by a joiner (its slot + 1, before
 * its entry goes ACTIVE) and by the leaver or the reaper (a tombstone); read volatile by lookups,
 * which take no lock and confirm every hit against the entry.
 *
 * <h2>Locks and their order</h2>
 *
 * <p>The lock file's bytes are byte-range locks, which the kernel drops when their holder dies:
 * byte 0 is the group's mutation lock, byte 1 the reaper election, byte 2 + slot the liveness of
 * the member in that slot. File locks belong to the whole JVM, so a JVM-wide lock per lock file
 * comes first. The order:
 * <ol>
 *   <li>The JVM-wide lock of the lock file, then the mutation byte (both taken and released
 *       together, in that order and the reverse, by {@code GroupLocks.mutation()}). This is the
 *       only lock anyone waits for, and no longer than 10 s.</li>
 *   <li>Then a liveness byte: a joiner takes the liveness lock of a FREE entry before it claims
 *       it, the reaper re-probes a dead member's before it reclaims the entry. Liveness bytes and
 *       the reaper election byte are only ever tried, never waited for, so a member that holds its
 *       liveness lock for life and takes the mutation lock to leave cannot deadlock with them.</li>
 *   <li>Then the domain's words (registering and releasing receivers and vectors, reclaiming a
 *       dead member's UPID, sweeping orphans), all of which join, leave and reaping do under the
 *       mutation lock; their own ordering is the interrupt domain's (docs/protocol.md).</li>
 * </ol>
 * Java monitors here (the reaper thread's start and stop, the reaper election in
 * {@code GroupLocks}) guard only this JVM's fields and never wait for a file lock.
 *
 * <p>Within one JVM: the list of this process's members is copy-on-write (the reaper thread
 * iterates it); a member's lost reason, closed flag and the lost-member handler are volatile; a
 * member's sent count is opaque (written by its sending thread, read by the reaper thread).
 */
package io.uipc.table;
