package io.uipc.table;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.internal.FileAllocation;
import io.uipc.core.internal.FileTrees;
import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.UipcException;
import io.uipc.core.UittHandle;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.uipc.table.MemberEntryDescriptor.ACTIVE;
import static io.uipc.table.MemberEntryDescriptor.CLAIMING;
import static io.uipc.table.MemberEntryDescriptor.DEAD;
import static io.uipc.table.MemberEntryDescriptor.DEATH_NOTICE_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.EXITING;
import static io.uipc.table.MemberEntryDescriptor.FREE;
import static io.uipc.table.MemberEntryDescriptor.HEARTBEAT_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.JOIN_TIME_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.PID_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.SENT_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.START_TIME_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.UPID_GENERATION_OFFSET;
import static io.uipc.table.MemberEntryDescriptor.UPID_INDEX_OFFSET;

/**
 * A process group: one process table and one interrupt domain, in one directory, shared by
 * cooperating processes. Members {@link #join} and publish the UITT indices of the vectors
 * they accept; senders {@link #lookup} or {@link #resolve} targets by name and send.
 * Dead members are found through their liveness locks and reclaimed by the elected reaper.
 */
public final class ProcessGroup implements AutoCloseable {
    private static final int ROOT_ATTEMPTS = 3;
    private final Path dir;
    private final ProcessTable table;
    private final InterruptDomain domain;
    private final GroupLocks locks;
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final GroupMonitor monitor;
    private volatile Consumer<MemberReclaimedException> onLost = ProcessGroup::halt;

    private ProcessGroup(final Path dir, final ProcessTable table, final InterruptDomain domain, final GroupLocks locks) {
        this.dir = dir;
        this.table = table;
        this.domain = domain;
        this.locks = locks;
        this.monitor = new GroupMonitor(this);
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
        final Path dir = spec.directory().toAbsolutePath();
        if (Files.exists(dir)) {
            throw new UipcException("group '" + spec.name() + "' already exists at " + dir);
        }
        final Backends.Selection backend = Backends.select(spec.backend());
        final Path tmp = dir.resolveSibling("." + spec.name() + ".creating-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            createInRoot(tmp, PosixFilePermissions.asFileAttribute(GroupFiles.dirPermissions(spec.unixGroup())));
            Files.setPosixFilePermissions(tmp, GroupFiles.dirPermissions(spec.unixGroup()));
            final String secret = GroupSecret.generate();
            writeFile(tmp.resolve(GroupFiles.SECRET), (secret + "\n").getBytes(StandardCharsets.US_ASCII), spec);
            Files.setPosixFilePermissions(tmp.resolve(GroupFiles.SECRET), GroupFiles.secretPermissions(spec.unixGroup()));
            backend.backend().create(new DomainConfig(tmp.resolve(GroupFiles.DOMAIN), spec.receivers(), spec.uittEntries(),
                GroupFiles.filePermissions(spec.unixGroup()))).close();
            writeTable(tmp.resolve(GroupFiles.TABLE), spec, secret, backend.backend().name());
            writeFile(tmp.resolve(GroupFiles.LOCKS), new byte[2 + spec.entries()], spec);
            if (spec.unixGroup().isPresent()) {
                for (final String f : List.of("", GroupFiles.SECRET, GroupFiles.DOMAIN, GroupFiles.TABLE, GroupFiles.LOCKS)) {
                    GroupFiles.chgrp(f.isEmpty() ? tmp : tmp.resolve(f), spec.unixGroup().get());
                }
            }
            Files.move(tmp, dir);
        } catch (final FileAlreadyExistsException e) {
            deleteTree(tmp);
            throw new UipcException("group '" + spec.name() + "' already exists at " + dir, e);
        } catch (final IOException | RuntimeException e) {
            deleteTree(tmp);
            throw new UipcException("cannot create group '" + spec.name() + "' at " + dir + ": " + e.getMessage(), e);
        }
        return attach(dir);
    }

    private static void writeFile(final Path file, final byte[] content, final GroupSpec spec) throws IOException {
        Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.setPosixFilePermissions(file, GroupFiles.filePermissions(spec.unixGroup()));
    }

    private static void writeTable(final Path file, final GroupSpec spec, final String secret, final String backend) throws IOException {
        final int indexCapacity = ProcessTableDescriptor.indexCapacity(spec.entries());
        final long total = ProcessTableDescriptor.totalLength(spec.entries(), indexCapacity);
        writeFile(file, new byte[0], spec);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileAllocation.allocate(ch, total);
            final UnsafeBuffer header = new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ProcessTableDescriptor.HEADER_LENGTH));
            header.putInt(ProcessTableDescriptor.VERSION_OFFSET, ProcessTableDescriptor.LAYOUT_VERSION);
            header.putInt(ProcessTableDescriptor.HEADER_LENGTH_OFFSET, ProcessTableDescriptor.HEADER_LENGTH);
            header.putInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET, spec.entries());
            header.putInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET, indexCapacity);
            header.putLong(ProcessTableDescriptor.TOTAL_LENGTH_OFFSET, total);
            header.putLong(ProcessTableDescriptor.CREATOR_PID_OFFSET, ProcessHandle.current().pid());
            header.putLong(ProcessTableDescriptor.CREATION_TIME_OFFSET, System.currentTimeMillis());
            final byte[] salt = GroupSecret.salt();
            header.putBytes(ProcessTableDescriptor.SECRET_SALT_OFFSET, salt);
            header.putBytes(ProcessTableDescriptor.SECRET_HASH_OFFSET, GroupSecret.hash(salt, secret));
            header.putBytes(ProcessTableDescriptor.BACKEND_OFFSET, backend.getBytes(StandardCharsets.US_ASCII));
            header.putLongVolatile(ProcessTableDescriptor.MAGIC_OFFSET, ProcessTableDescriptor.MAGIC);
        }
    }

    /**
     * {@return the attached group}
     *
     * @param name group name under the default root
     */
    public static ProcessGroup attach(final String name) {
        return attach(GroupSpec.defaultRoot().resolve(GroupSpec.checkName(name)));
    }

    /**
     * Attaches an existing group: checks access, validates the table and the domain.
     *
     * @param groupDir the group's directory
     * @return the attached group
     * @throws UipcException if it is missing, refused, or corrupt
     */
    public static ProcessGroup attach(final Path groupDir) {
        final Path dir = groupDir.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new UipcException("no group at " + dir + " (create it first, e.g. 'uipc create " + dir.getFileName() + "')");
        }
        GroupFiles.checkAccess(dir);
        final Path tableFile = dir.resolve(GroupFiles.TABLE);
        final ProcessTable table;
        try (FileChannel ch = FileChannel.open(tableFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final long size = ch.size();
            if (size < ProcessTableDescriptor.HEADER_LENGTH || size > Integer.MAX_VALUE) {
                throw new TableCorruptException("process table " + tableFile + " is " + size + " bytes: truncated or not a table");
            }
            final MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, size);
            final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
            validate(tableFile, buffer, size);
            table = new ProcessTable(buffer);
        } catch (final NoSuchFileException e) {
            throw new UipcException("group " + dir + " has no process table (deleted or half-created)", e);
        } catch (final AccessDeniedException e) {
            throw new GroupAccessException("not allowed to attach group " + dir + ": permission denied on " + e.getFile());
        } catch (final IOException e) {
            throw new UipcException("cannot attach group " + dir + ": " + e, e);
        }
        final byte[] backendBytes = new byte[ProcessTableDescriptor.BACKEND_LENGTH];
        table.buffer().getBytes(ProcessTableDescriptor.BACKEND_OFFSET, backendBytes);
        final String backend = new String(backendBytes, StandardCharsets.US_ASCII).trim().replace("\0", "");
        final InterruptDomain domain = Backends.select(backend).backend().attach(dir.resolve(GroupFiles.DOMAIN));
        try {
            return new ProcessGroup(dir, table, domain, new GroupLocks(dir.resolve(GroupFiles.LOCKS), table.entryCapacity()));
        } catch (final IOException e) {
            domain.close();
            throw new UipcException("cannot open locks of group " + dir + ": " + e, e);
        }
    }

    private static void validate(final Path file, final UnsafeBuffer header, final long size) {
        final long magic = header.getLongVolatile(ProcessTableDescriptor.MAGIC_OFFSET);
        if (magic != ProcessTableDescriptor.MAGIC) {
            throw new TableCorruptException(String.format("%s is not a uipc process table: magic 0x%016x, expected 0x%016x",
                file, magic, ProcessTableDescriptor.MAGIC));
        }
        final int version = header.getInt(ProcessTableDescriptor.VERSION_OFFSET);
        if (version != ProcessTableDescriptor.LAYOUT_VERSION) {
            throw new TableCorruptException("process table " + file + " has layout version " + version
                + "; this build reads version " + ProcessTableDescriptor.LAYOUT_VERSION);
        }
        final int headerLength = header.getInt(ProcessTableDescriptor.HEADER_LENGTH_OFFSET);
        final int entries = header.getInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET);
        final int index = header.getInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET);
        if (headerLength != ProcessTableDescriptor.HEADER_LENGTH || entries < 1 || entries > 1 << 20
            || index != ProcessTableDescriptor.indexCapacity(entries)) {
            throw new TableCorruptException("process table " + file + " has a corrupt header: header length " + headerLength
                + ", " + entries + " entries, " + index + " index cells");
        }
        final long expected = ProcessTableDescriptor.totalLength(entries, index);
        final long recorded = header.getLong(ProcessTableDescriptor.TOTAL_LENGTH_OFFSET);
        if (recorded != expected || size != expected) {
            throw new TableCorruptException("process table " + file + " has the wrong size: file " + size
                + " bytes, header says " + recorded + ", capacities imply " + expected);
        }
    }

    /**
     * Deletes a group's files.
     *
     * @param groupDir the group's directory
     * @param force    delete even while members live (they fail loudly at their next heartbeat)
     * @throws UipcException if members live and not {@code force}
     */
    public static void destroy(final Path groupDir, final boolean force) {
        final Path dir = groupDir.toAbsolutePath();
        try (ProcessGroup group = attach(dir)) {
            final List<String> live = group.liveMemberNames();
            if (!live.isEmpty() && !force) {
                throw new UipcException("group " + dir.getFileName() + " has " + live.size() + " live member(s): "
                    + String.join(", ", live) + "; stop them first or use --force");
            }
        }
        deleteTree(dir);
    }

    /**
     * Creates the group's directory under its root, making the root if needed. A launcher that
     * made the root removes it when its group ends and the root is empty; if that happens between
     * the two steps here, the root is made again.
     */
    private static void createInRoot(final Path dir, final FileAttribute<?> permissions) throws IOException {
        for (int attempt = 1;; attempt++) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, permissions);
                return;
            } catch (final NoSuchFileException e) {
                if (attempt == ROOT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void deleteTree(final Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (final IOException e) {
            throw new UipcException("cannot delete " + dir + ": " + e, e);
        }
    }

    /** {@return the group's directory} */
    public Path directory() {
        return dir;
    }

    /** {@return the group's name} */
    public String name() {
        return dir.getFileName().toString();
    }

    /**
     * Gives a file that a member adds to the group's directory (an inbox, say) the mode and
     * Unix group of the group's own files, so exactly those who may attach the group may open it.
     *
     * @param file a file in this group's directory
     * @throws IOException if the mode or group cannot be set
     */
    public void shareFile(final Path file) throws IOException {
        final Path reference = dir.resolve(GroupFiles.TABLE);
        Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(reference));
        final PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        final GroupPrincipal owner = Files.readAttributes(reference, PosixFileAttributes.class).group();
        if (!view.readAttributes().group().equals(owner)) {
            view.setGroup(owner);
        }
    }

    /** {@return the group's interrupt domain} */
    public InterruptDomain domain() {
        return domain;
    }

    /** {@return process table entries} */
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
        try {
            return Files.readString(dir.resolve(GroupFiles.SECRET)).trim();
        } catch (final AccessDeniedException e) {
            throw new GroupAccessException("not allowed to read the secret of group " + name());
        } catch (final IOException e) {
            throw new UipcException("cannot read the secret of group " + name() + ": " + e, e);
        }
    }

    /**
     * Sets what happens when a member of this process is lost.
     *
     * @param handler called once when a member of this process finds its entry reclaimed or
     *                its group destroyed; the default prints the reason and halts the JVM
     *                (exit code 70), as a database process must not run on without its identity
     */
    public void onMemberLost(final Consumer<MemberReclaimedException> handler) {
        this.onLost = handler;
    }

    /**
     * Joins the group: checks the secret, claims an entry, takes its liveness lock, registers
     * a receiver for the calling thread and publishes the member under its name.
     *
     * @param options name, role, secret, death notice
     * @return the member
     * @throws GroupAccessException if the secret is missing or wrong
     * @throws UipcException        if the name is taken or the table full
     */
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    public Member join(final JoinOptions options) {
        checkSecret(options);
        final Member member;
        try (GroupLocks.Held ignored = locks.mutation()) {
            if (table.lookup(options.name()) != ProcessTable.NOT_FOUND) {
                throw new UipcException("name '" + options.name() + "' is already taken in group " + name());
            }
            member = fill(claimLocked(), options);
        }
        members.add(member);
        monitor.start();
        return member;
    }

    /**
     * Claims a free entry whose liveness lock this process took first (mutation lock held).
     * Lock before claim: probers (the reaper's scan, {@link #liveMemberNames}) only probe
     * entries that are not FREE, so none can hold the lock of an entry this joiner claimed; a
     * FREE entry whose lock is held for a moment (a member that just left, a late probe) is
     * skipped.
     *
     * @return the claimed slot and its liveness lock
     * @throws UipcException if no free entry could be claimed
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
        throw new UipcException("process table of group " + name() + " is full: all " + capacity + " entries are taken");
    }

    /** A claimed entry and the liveness lock taken for it. */
    private record Claimed(int slot, FileLock liveness) {
    }

    private Member fill(final Claimed claim, final JoinOptions options) {
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
            return new Member(this, table, options.name(), slot, generation, receiver, liveness);
        } catch (final RuntimeException e) {
            if (receiver != null) {
                receiver.close();
            }
            table.putControl(slot, MemberEntryDescriptor.control(MemberEntryDescriptor.generation(claimed), FREE));
            locks.releaseMember(slot, liveness);
            throw e;
        }
    }

    private void checkSecret(final JoinOptions options) {
        final String presented = options.secret().orElse(System.getenv(GroupSecret.ENV));
        if (presented == null || presented.isBlank()) {
            throw new GroupAccessException("no secret presented to join group " + name() + ": set " + GroupSecret.ENV
                + " or pass JoinOptions.secret (the launcher does this for its children)");
        }
        final byte[] salt = new byte[ProcessTableDescriptor.SECRET_SALT_LENGTH];
        final byte[] hash = new byte[ProcessTableDescriptor.SECRET_HASH_LENGTH];
        table.buffer().getBytes(ProcessTableDescriptor.SECRET_SALT_OFFSET, salt);
        table.buffer().getBytes(ProcessTableDescriptor.SECRET_HASH_OFFSET, hash);
        if (!GroupSecret.matches(salt, hash, presented)) {
            throw new GroupAccessException("wrong secret for group " + name() + (options.secret().isPresent() ? "" : " (from "
                + GroupSecret.ENV + ")") + ": join refused");
        }
    }

    /** Leaves: invalidates the member's UITT entries, frees its UPID and its entry. */
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    void leave(final Member member) {
        members.remove(member);
        try (GroupLocks.Held ignored = locks.mutation()) {
            final long control = table.control(member.slot());
            if (MemberEntryDescriptor.generation(control) == member.generation() && MemberEntryDescriptor.state(control) == ACTIVE) {
                table.putControl(member.slot(), MemberEntryDescriptor.control(member.generation(), EXITING));
                member.receiver().close();
                table.indexRemove(member.slot());
                table.putControl(member.slot(), MemberEntryDescriptor.control(member.generation(), FREE));
            } else {
                member.receiver().close();
            }
        } finally {
            locks.releaseMember(member.slot(), member.liveness());
        }
    }

    /**
     * Lock-free lookup by name; allocates nothing.
     *
     * @param memberName a member name
     * @return a member handle (slot and generation), or -1 if no live member has the name
     */
    public long lookup(final String memberName) {
        return table.lookup(memberName);
    }

    /**
     * {@return the UITT handle the member published for the vector, or -1 if the member is gone or does not accept it}
     *
     * @param memberHandle a handle from {@link #lookup}
     * @param vector       a vector the member accepts
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
        if (member == ProcessTable.NOT_FOUND) {
            throw new UipcException("no live member named '" + memberName + "' in group " + name());
        }
        final long handle = uittHandle(member, vector);
        if (handle == -1) {
            throw new UipcException("member '" + memberName + "' of group " + name() + " does not accept vector " + vector);
        }
        return new Target(domain, memberName, vector, member, handle);
    }

    /**
     * {@return whether the handle still names a live (ACTIVE) entry of its generation}
     *
     * @param memberHandle a member handle
     */
    public boolean isLive(final long memberHandle) {
        return table.isLive(memberHandle);
    }

    /** {@return a snapshot of every non-free entry, by slot} */
    public List<MemberInfo> members() {
        final List<MemberInfo> list = new ArrayList<>();
        final long now = System.currentTimeMillis();
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            final long control = table.control(slot);
            final int state = MemberEntryDescriptor.state(control);
            if (state == FREE) {
                continue;
            }
            final List<String> indices = new ArrayList<>();
            for (int i = 0; i < MemberEntryDescriptor.MAX_VECTORS; i++) {
                final long handle = table.handleAt(slot, i);
                if (handle != -1) {
                    indices.add(table.vectorAt(slot, i) + ":" + UittHandle.index(handle));
                }
            }
            final int upid = table.getInt(slot, UPID_INDEX_OFFSET);
            final boolean upidOk = upid >= 0 && upid < domain.upidCapacity() && state != CLAIMING;
            list.add(new MemberInfo(slot, MemberEntryDescriptor.generation(control), table.getLong(slot, PID_OFFSET),
                table.name(slot), table.role(slot), MemberEntryDescriptor.stateName(state), List.copyOf(indices),
                now - table.getLong(slot, HEARTBEAT_OFFSET), table.getLong(slot, SENT_OFFSET),
                upidOk ? domain.deliveredCount(upid) : 0, upid));
        }
        return list;
    }

    /**
     * {@return the member's snapshot, if a live member has the name}
     *
     * @param memberName a name
     */
    public Optional<MemberInfo> member(final String memberName) {
        final long handle = lookup(memberName);
        if (handle == ProcessTable.NOT_FOUND) {
            return Optional.empty();
        }
        return members().stream().filter(m -> m.slot() == UittHandle.index(handle)).findFirst();
    }

    /**
     * {@return the active members of that process}
     *
     * @param pid an OS pid
     */
    public List<MemberInfo> membersOfPid(final long pid) {
        return members().stream().filter(m -> m.pid() == pid && m.state().equals("active")).collect(Collectors.toList());
    }

    /**
     * {@return the active members with that role}
     *
     * @param role a role
     */
    public List<MemberInfo> membersWithRole(final String role) {
        return members().stream().filter(m -> m.role().equals(role) && m.state().equals("active")).collect(Collectors.toList());
    }

    /** {@return names of entries whose owner process is alive (its liveness lock is held)} */
    public List<String> liveMemberNames() {
        final List<String> live = new ArrayList<>();
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            if (MemberEntryDescriptor.state(table.control(slot)) == FREE) {
                continue;
            }
            final FileLock probe = locks.probeDead(slot);
            if (probe == null) {
                live.add(table.name(slot));
            } else {
                releaseQuietly(probe);
            }
        }
        return live;
    }

    /** {@return members this group has reaped since it was created} */
    public long deathsReaped() {
        return table.buffer().getLongVolatile(ProcessTableDescriptor.DEATHS_OFFSET);
    }

    /** {@return the pid of the last process elected reaper, or 0} */
    public int reaperPid() {
        return table.buffer().getIntVolatile(ProcessTableDescriptor.REAPER_PID_OFFSET);
    }

    /**
     * Makes this process a reaper candidate even without members (a launcher does this): it
     * takes part in the election and, once elected, reaps every 200 ms.
     */
    public void startReaper() {
        monitor.start();
    }

    /**
     * Finds dead members now and reclaims them: invalidates their UITT entries, frees their
     * UPIDs and slots, and posts the death-notice vector to members that asked for it.
     *
     * @return members reclaimed
     */
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    public int reap() {
        final int reaped = reapDeadMembers();
        final java.util.Map<Long, Boolean> alive = new java.util.HashMap<>();
        try (GroupLocks.Held ignored = locks.mutation()) {
            domain.reclaimOrphans(pid -> alive.computeIfAbsent(pid, p -> ProcStat.isAlive(p, 0)));
        }
        return reaped;
    }

    /** @return members reclaimed; the cheap part of {@link #reap()}, run every monitor cycle */
    int reapDeadMembers() {
        int reaped = 0;
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            if (MemberEntryDescriptor.state(table.control(slot)) == FREE) {
                continue;
            }
            final FileLock probe = locks.probeDead(slot);
            if (probe == null) {
                continue;
            }
            releaseQuietly(probe);
            if (reapIfDead(slot)) {
                reaped++;
            }
        }
        if (reaped > 0) {
            postDeathNotices();
        }
        return reaped;
    }

    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    private boolean reapIfDead(final int slot) {
        try (GroupLocks.Held ignored = locks.mutation()) {
            final FileLock probe = locks.probeDead(slot);
            if (probe == null) {
                return false;
            }
            try {
                final long control = table.control(slot);
                if (MemberEntryDescriptor.state(control) == FREE) {
                    return false;
                }
                final int generation = MemberEntryDescriptor.generation(control);
                table.putControl(slot, MemberEntryDescriptor.control(generation, DEAD));
                final int upid = table.getInt(slot, UPID_INDEX_OFFSET);
                final int upidGeneration = table.getInt(slot, UPID_GENERATION_OFFSET);
                if (upid >= 0 && upid < domain.upidCapacity() && (upidGeneration & 1) != 0) {
                    domain.reclaimReceiver(upid, upidGeneration);
                }
                table.indexRemove(slot);
                table.putControl(slot, MemberEntryDescriptor.control(generation, FREE));
                table.buffer().getAndAddLong(ProcessTableDescriptor.DEATHS_OFFSET, 1);
                return true;
            } finally {
                releaseQuietly(probe);
            }
        }
    }

    private void postDeathNotices() {
        for (int slot = 0; slot < table.entryCapacity(); slot++) {
            final long control = table.control(slot);
            final int vector = table.getInt(slot, DEATH_NOTICE_OFFSET);
            if (MemberEntryDescriptor.state(control) == ACTIVE && vector >= 0 && vector < 64) {
                final long handle = table.uittHandle(UittHandle.of(slot, MemberEntryDescriptor.generation(control)), vector);
                if (handle != -1) {
                    domain.send(handle);
                }
            }
        }
    }

    List<Member> localMembers() {
        return members;
    }

    GroupLocks locks() {
        return locks;
    }

    ProcessTable table() {
        return table;
    }

    void lost(final Member member, final String reason) {
        if (member.markLost(reason)) {
            members.remove(member);
            onLost.accept(new MemberReclaimedException("member '" + member.name() + "' of group " + name() + ": " + reason));
        }
    }

    private static void halt(final MemberReclaimedException e) {
        System.err.println("uipc: FATAL: " + e.getMessage() + "; halting");
        System.err.flush();
        Runtime.getRuntime().halt(70);
    }

    static void releaseQuietly(final FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (final IOException ignored) {
            // the channel is closing; the kernel drops the lock with it
        }
    }

    /** Leaves with every member of this process, stops the monitor and detaches. */
    @Override
    public void close() {
        monitor.close();
        for (final Member m : List.copyOf(members)) {
            m.close();
        }
        locks.close();
        domain.close();
    }
}
