package io.uipc.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which entries the elected reaper's periodic scan probes (issue 12 item 4): a heartbeat that
 * stopped, or one from the future, makes its entry a suspect; a suspect found alive is left for
 * a while, but not once its slot holds another generation; a member whose lock is free and whose
 * heartbeat stopped is reclaimed by the scan.
 */
class ProbeScheduleTest {
    @TempDir
    Path root;

    @Test
    void staleAndFutureHeartbeatsAreSuspectsAndAFoundAliveSuspectIsLeftUntilItsSlotIsReused() {
        try (ProcessGroup group = ProcessGroup.create(GroupSpec.named("probes").withRoot(root).withCapacities(4, 8, 32));
             Member m = group.join(JoinOptions.named("m").secret(group.readSecret()))) {
            final ProcessTable table = group.table();
            final int slot = m.slot();
            final long control = table.control(slot);
            final ProbeSchedule schedule = new ProbeSchedule(table);

            table.putLong(slot, MemberEntryDescriptor.HEARTBEAT_OFFSET, 0);
            schedule.startScan();
            assertTrue(schedule.suspect(slot, control), "a heartbeat that stopped long ago");
            schedule.foundAlive(slot, control);
            assertFalse(schedule.suspect(slot, control), "found alive a moment ago: not probed again at once");
            final long newcomer = MemberEntryDescriptor.control(MemberEntryDescriptor.generation(control) + 1, MemberEntryDescriptor.ACTIVE);
            assertTrue(schedule.suspect(slot, newcomer), "the slot's next generation is not the member found alive");

            table.putLong(slot, MemberEntryDescriptor.HEARTBEAT_OFFSET, System.currentTimeMillis() + 3_600_000);
            final ProbeSchedule fresh = new ProbeSchedule(table);
            fresh.startScan();
            assertTrue(fresh.suspect(slot, control), "a heartbeat an hour in the future proves nothing");
        }
    }

    @Test
    void aMemberWhoseLockIsFreeAndWhoseHeartbeatStoppedIsReclaimedByTheScan() {
        try (ProcessGroup group = ProcessGroup.create(GroupSpec.named("stale").withRoot(root).withCapacities(4, 8, 32));
             ProcessGroup reaper = ProcessGroup.attach(group.directory())) {
            final Member m = group.join(JoinOptions.named("m").secret(group.readSecret()));
            group.reaper().close();
            // Its process "dies" as far as the other attachment can tell: the liveness lock is free, the heartbeat stops.
            GroupLocks.releaseQuietly(m.liveness());
            group.table().putLong(m.slot(), MemberEntryDescriptor.HEARTBEAT_OFFSET, 0);
            reaper.reaper().reapStale();
            assertEquals(1, reaper.deathsReaped());
            assertEquals(MemberHandle.NULL, reaper.lookup("m"));
            m.close();
        }
    }
}
