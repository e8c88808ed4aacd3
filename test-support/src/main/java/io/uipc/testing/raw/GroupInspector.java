package io.uipc.testing.raw;

import io.uipc.core.UittHandle;
import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.core.emulated.UittDescriptor;
import io.uipc.core.emulated.UpidDescriptor;
import io.uipc.table.GroupFileNames;
import io.uipc.table.MemberEntryDescriptor;
import io.uipc.table.MemberHandle;
import io.uipc.table.MemberState;
import io.uipc.table.ProcessGroup;
import io.uipc.table.ProcessTableDescriptor;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.uipc.table.MemberEntryDescriptor.ACTIVE;
import static io.uipc.table.MemberEntryDescriptor.FREE;

/**
 * Reads a group's table and domain files raw, by the descriptor layouts, and lists every
 * broken invariant: what a test asserts "consistent" means. Entries not FREE belong to live
 * processes; names of active entries are unique and found by lookup; the name index points
 * only at entries in use; claimed UPIDs belong to live processes; every valid UITT entry
 * targets a claimed UPID of its generation; every handle an active entry publishes is valid.
 * It reads names, published handles and process liveness itself rather than through the
 * library, whose bookkeeping is what it checks.
 */
public final class GroupInspector {
    private final ProcessGroup group;
    private final UnsafeBuffer table;
    private final UnsafeBuffer domain;
    private final int entries;
    private final int indexCells;
    private final int upids;
    private final int uitt;

    /**
     * Maps the group's table and domain files, read-only.
     *
     * @param group the group, attached in this JVM
     */
    public GroupInspector(final ProcessGroup group) {
        this.group = group;
        this.table = map(group.directory().resolve(GroupFileNames.TABLE));
        this.domain = map(group.domain().path());
        this.entries = table.getInt(ProcessTableDescriptor.ENTRY_CAPACITY_OFFSET);
        this.indexCells = table.getInt(ProcessTableDescriptor.INDEX_CAPACITY_OFFSET);
        this.upids = domain.getInt(DomainHeaderDescriptor.UPID_CAPACITY_OFFSET);
        this.uitt = domain.getInt(DomainHeaderDescriptor.UITT_CAPACITY_OFFSET);
    }

    private static UnsafeBuffer map(final Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int entry(final int slot) {
        return ProcessTableDescriptor.HEADER_LENGTH + slot * MemberEntryDescriptor.LENGTH;
    }

    private long control(final int slot) {
        return table.getLongVolatile(entry(slot) + MemberEntryDescriptor.CONTROL_OFFSET);
    }

    private long pid(final int slot) {
        return table.getLongVolatile(entry(slot) + MemberEntryDescriptor.PID_OFFSET);
    }

    private boolean alive(final int slot) {
        return isAlive(pid(slot), table.getLongVolatile(entry(slot) + MemberEntryDescriptor.START_TIME_OFFSET));
    }

    /**
     * As the reaper judges a process: alive if /proc lists it, not as a zombie, with the start
     * time recorded for it (0: any), so that a later process reusing the pid is not taken for it.
     */
    private static boolean isAlive(final long pid, final long startTicks) {
        try {
            final String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return !fields[0].equals("Z") && !fields[0].equals("X") && (startTicks == 0 || Long.parseLong(fields[19]) == startTicks);
        } catch (final IOException | RuntimeException e) {
            return false;
        }
    }

    private String name(final int slot) {
        final int length = table.getIntVolatile(entry(slot) + MemberEntryDescriptor.NAME_LENGTH_OFFSET);
        if (length < 0 || length > MemberEntryDescriptor.MAX_NAME_LENGTH) {
            throw new AssertionError("slot " + slot + " has name length " + length);
        }
        final byte[] bytes = new byte[length];
        table.getBytes(entry(slot) + MemberEntryDescriptor.NAME_OFFSET, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /**
     * Entries the reaper has yet to reclaim.
     *
     * @return slots not FREE whose owner process is gone
     */
    public List<Integer> deadEntries() {
        final List<Integer> dead = new ArrayList<>();
        for (int slot = 0; slot < entries; slot++) {
            if (MemberEntryDescriptor.state(control(slot)) != FREE && !alive(slot)) {
                dead.add(slot);
            }
        }
        return dead;
    }

    /**
     * UPIDs the orphan sweep has yet to free.
     *
     * @return UPID slots claimed by a process that is gone
     */
    public List<Integer> orphanUpids() {
        final List<Integer> orphans = new ArrayList<>();
        for (int i = 0; i < upids; i++) {
            final int owner = domain.getIntVolatile(upid(i) + UpidDescriptor.OWNER_PID_OFFSET);
            if (UpidDescriptor.isClaimed(upidGeneration(i)) && !isAlive(owner, 0)) {
                orphans.add(i);
            }
        }
        return orphans;
    }

    /**
     * Whether a receiver sleeps in the kernel, so that a send must wake it.
     *
     * @param upidIndex a UPID slot
     * @return whether the receiver in it has set BLKD
     */
    public boolean blocked(final int upidIndex) {
        return (domain.getIntVolatile(upid(upidIndex) + UpidDescriptor.STATE_OFFSET) & UpidDescriptor.BLKD) != 0;
    }

    private int upid(final int index) {
        return DomainHeaderDescriptor.HEADER_LENGTH + index * UpidDescriptor.LENGTH;
    }

    private int upidGeneration(final int index) {
        return UpidDescriptor.generation(domain.getLongVolatile(upid(index) + UpidDescriptor.PIR_LOW_OFFSET));
    }

    private int uittEntry(final int index) {
        return (int) DomainHeaderDescriptor.uittOffset(upids) + index * UittDescriptor.LENGTH;
    }

    /**
     * Checks every invariant of the class comment.
     *
     * @return every broken invariant, empty when the group is consistent
     */
    public List<String> violations() {
        final List<String> v = new ArrayList<>();
        final Map<String, Integer> names = new HashMap<>();
        final int[] indexed = new int[entries];
        final long indexBase = ProcessTableDescriptor.indexOffset(entries);
        for (int cell = 0; cell < indexCells; cell++) {
            final int value = table.getIntVolatile((int) indexBase + cell * Integer.BYTES);
            if (value == ProcessTableDescriptor.INDEX_EMPTY || value == ProcessTableDescriptor.INDEX_DELETED) {
                continue;
            }
            if (value < 1 || value > entries) {
                v.add("index cell " + cell + " holds " + value);
            } else if (MemberEntryDescriptor.state(control(value - 1)) == FREE) {
                v.add("index cell " + cell + " points at free slot " + (value - 1));
            } else {
                indexed[value - 1]++;
            }
        }
        for (int slot = 0; slot < entries; slot++) {
            final long control = control(slot);
            final int state = MemberEntryDescriptor.state(control);
            if (state == FREE) {
                continue;
            }
            if (state != ACTIVE) {
                v.add("slot " + slot + " is " + MemberState.describe(state) + " at rest");
            }
            if (!alive(slot)) {
                v.add("slot " + slot + " belongs to dead pid " + pid(slot));
            }
            if (state != ACTIVE) {
                continue;
            }
            final String name = name(slot);
            final Integer other = names.put(name, slot);
            if (other != null) {
                v.add("name '" + name + "' in slots " + other + " and " + slot);
            }
            if (indexed[slot] != 1) {
                v.add("slot " + slot + " ('" + name + "') is in " + indexed[slot] + " index cells");
            }
            if (group.lookup(name) != MemberHandle.of(slot, MemberEntryDescriptor.generation(control))) {
                v.add("lookup('" + name + "') does not find slot " + slot);
            }
            checkPublished(v, slot);
        }
        for (final int i : orphanUpids()) {
            v.add("UPID " + i + " is claimed by dead pid " + domain.getIntVolatile(upid(i) + UpidDescriptor.OWNER_PID_OFFSET));
        }
        for (int i = 0; i < uitt; i++) {
            final long control = domain.getLongVolatile(uittEntry(i) + UittDescriptor.CONTROL_OFFSET);
            if (UittDescriptor.state(control) == UittDescriptor.FREE) {
                continue;
            }
            if (UittDescriptor.state(control) != UittDescriptor.VALID) {
                v.add("UITT entry " + i + " is in state " + UittDescriptor.state(control) + " at rest");
                continue;
            }
            final long target = domain.getLongVolatile(uittEntry(i) + UittDescriptor.TARGET_OFFSET);
            final int upidIndex = (int) target;
            if (upidIndex < 0 || upidIndex >= upids || upidGeneration(upidIndex) != (int) (target >>> 32)) {
                v.add("valid UITT entry " + i + " targets UPID " + upidIndex + " generation " + (target >>> 32)
                    + ", which is not claimed with that generation");
            }
        }
        return v;
    }

    private void checkPublished(final List<String> v, final int slot) {
        final int upidIndex = table.getIntVolatile(entry(slot) + MemberEntryDescriptor.UPID_INDEX_OFFSET);
        final int upidGen = table.getIntVolatile(entry(slot) + MemberEntryDescriptor.UPID_GENERATION_OFFSET);
        if (upidIndex < 0 || upidIndex >= upids || upidGeneration(upidIndex) != upidGen) {
            v.add("slot " + slot + " names UPID " + upidIndex + " generation " + upidGen + ", not claimed with it");
        }
        for (int i = 0; i < MemberEntryDescriptor.MAX_VECTORS; i++) {
            final int vector = table.getByte(entry(slot) + MemberEntryDescriptor.HANDLE_VECTORS_OFFSET + i) - 1;
            if (vector == -1) {
                continue;
            }
            final long handle = table.getLongVolatile(entry(slot) + MemberEntryDescriptor.HANDLES_OFFSET + i * Long.BYTES);
            final int index = UittHandle.index(handle);
            final long control = index >= 0 && index < uitt ? domain.getLongVolatile(uittEntry(index)) : 0;
            if (UittDescriptor.state(control) != UittDescriptor.VALID || UittDescriptor.generation(control) != UittHandle.generation(handle)
                || UittDescriptor.vector(control) != vector
                || (int) domain.getLongVolatile(uittEntry(index) + UittDescriptor.TARGET_OFFSET) != upidIndex) {
                v.add("slot " + slot + " publishes UITT handle " + UittHandle.toString(handle) + " for vector "
                    + vector + ", which is not its valid entry");
            }
        }
    }
}
