package io.uipc.core.emulated;

import io.uipc.core.spi.DomainMaintenance;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The reaper's operations on an emulated domain: freeing the UPID slots and UITT entries of
 * processes that died. Off the hot path; sweeps are serialised by the caller (the group's
 * mutation lock) and, within this JVM, by this object. A dead receiver's record of its own
 * entries died with its process, so the reaper finds them by scanning the whole shared UITT
 * ({@link UittTable#invalidateTargeting}); a live receiver's close invalidates only its own.
 */
final class EmulatedMaintenance implements DomainMaintenance {
    private final UpidTable upids;
    private final UittTable uitt;
    private final int pid;
    /** UPID slots the last orphan sweep found claimed without an owner pid, with their generation. */
    private Map<Integer, Integer> midClaim = Map.of();

    EmulatedMaintenance(final UpidTable upids, final UittTable uitt) {
        this.upids = upids;
        this.uitt = uitt;
        this.pid = (int) ProcessHandle.current().pid();
    }

    @Override
    public boolean reclaimReceiver(final int upidIndex, final int upidGeneration) {
        upids.checkIndex(upidIndex);
        if (!UpidDescriptor.isClaimed(upidGeneration) || upids.generation(upidIndex) != upidGeneration) {
            return false;
        }
        uitt.invalidateTargeting(upidIndex);
        return upids.release(upidIndex, upidGeneration);
    }

    @Override
    public synchronized int reclaimOrphans(final LongPredicate pidAlive) {
        int count = 0;
        final Map<Integer, Integer> stillMidClaim = new HashMap<>();
        for (int index = 0; index < upids.capacity(); index++) {
            final int generation = upids.generation(index);
            if (!UpidDescriptor.isClaimed(generation)) {
                continue;
            }
            final int owner = upids.ownerPid(index);
            if (owner == 0) {
                // Claimed without an owner pid: a live claimer or releaser is past that point within
                // nanoseconds; unchanged since the previous sweep, it died there.
                if (Integer.valueOf(generation).equals(midClaim.get(index))) {
                    uitt.invalidateTargeting(index);
                    count += upids.releaseStuck(index, generation) ? 1 : 0;
                } else {
                    stillMidClaim.put(index, generation);
                }
            } else if (owner != pid && !pidAlive.test(owner) && reclaimReceiver(index, generation)) {
                count++;
            }
        }
        midClaim = stillMidClaim;
        return count + uitt.sweepOrphanedClaims();
    }

    @Override
    public long upidOwnerPid(final int upidIndex) {
        upids.checkIndex(upidIndex);
        return upids.ownerPid(upidIndex);
    }
}
