package io.uipc.core.emulated;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.spi.DomainMaintenance;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A process killed (SIGKILL) between claiming a UPID slot and recording its pid, or between
 * the first and last step of releasing one, leaves the slot claimed with no owner pid. The
 * orphan sweep used to skip such slots for good (they looked mid-claim), leaking them; now a
 * slot found so by two consecutive sweeps, at the same generation, is freed. Found by
 * process-table's SigkillTest; reproduced here by writing the bytes a dead process leaves.
 */
@Timeout(30)
class OrphanSweepTest {
    @TempDir
    Path dir;

    @Test
    void slotsLeftByADeadClaimerOrReleaserAreFreedBySecondSweep() throws IOException {
        try (InterruptDomain domain = EmulatedDomain.create(DomainConfig.of(dir.resolve("domain")).withCapacities(2, 8))) {
            final DomainMaintenance reaper = DomainMaintenance.of(domain);
            final Receiver releasing = domain.registerReceiver();
            final long handle = releasing.registerVector(3);
            final UnsafeBuffer raw;
            try (FileChannel ch = FileChannel.open(domain.path(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                raw = new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size()));
            }
            final int claimed = upid(releasing.upidIndex() == 0 ? 1 : 0);
            raw.putLongVolatile(claimed + UpidDescriptor.PIR_LOW_OFFSET, UpidDescriptor.pirWord(1));
            final int released = upid(releasing.upidIndex());
            final int gen = releasing.upidGeneration();
            raw.putLongVolatile(released + UpidDescriptor.PIR_HIGH_OFFSET, UpidDescriptor.pirWord(UpidDescriptor.next(gen)));
            raw.putIntVolatile(released + UpidDescriptor.OWNER_PID_OFFSET, 0);

            assertEquals(0, reaper.reclaimOrphans(pid -> false), "the first sweep cannot tell a dead claimer from a live one");
            assertEquals(2, reaper.reclaimOrphans(pid -> false), "unchanged one sweep later: both freed");
            assertEquals(0, UpidDescriptor.generation(raw.getLongVolatile(claimed + UpidDescriptor.PIR_LOW_OFFSET)) & 1);
            assertEquals(UpidDescriptor.next(gen), UpidDescriptor.generation(raw.getLongVolatile(released + UpidDescriptor.PIR_LOW_OFFSET)));
            assertFalse(SendResult.isPosted(domain.send(handle)), "the dead releaser's UITT entry is invalid");
            domain.registerReceiver().close();
            domain.registerReceiver().close();
            assertEquals(0, reaper.reclaimOrphans(pid -> false));
        }
    }

    private static int upid(final int index) {
        return (int) DomainHeaderDescriptor.upidOffset(index);
    }
}
