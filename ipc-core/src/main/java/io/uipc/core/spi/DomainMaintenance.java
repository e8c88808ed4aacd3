package io.uipc.core.spi;

import io.uipc.core.InterruptDomain;
import io.uipc.core.UipcException;

import java.util.function.LongPredicate;

/**
 * What a group's reaper does to a domain on behalf of processes that died: frees their UPID
 * slots and invalidates their UITT entries. Not for applications: a receiver frees its own slot
 * by closing, and reclaiming a live process's slot cuts it off. Only the process elected reaper
 * calls these, under the group's mutation lock.
 */
public interface DomainMaintenance {
    /**
     * Frees a receiver's UPID slot and invalidates its UITT entries on behalf of a process that
     * died. Does nothing if the slot's generation moved on. The dead process's record of its
     * entries went with it, so this scans the whole shared UITT: O(UITT), unlike a receiver's own
     * close, which is O(its entries).
     *
     * @param upidIndex      the slot
     * @param upidGeneration the generation it had when the owner was seen alive
     * @return whether the slot was reclaimed
     * @throws IllegalArgumentException if {@code upidIndex} is not a slot of the domain
     */
    boolean reclaimReceiver(int upidIndex, int upidGeneration);

    /**
     * Reclaims what processes that died without a process table entry left behind: UPID slots
     * whose recorded owner pid is not alive, UPID slots a process died in the middle of claiming
     * or releasing (claimed, no owner pid, unchanged since the previous sweep), and UITT entries
     * left half-registered. The reaper runs this after reclaiming dead members; callers
     * serialise sweeps (the process table runs them under its mutation lock).
     *
     * @param pidAlive tells whether a pid is alive
     * @return UPID slots and UITT entries reclaimed
     */
    int reclaimOrphans(LongPredicate pidAlive);

    /**
     * Reads the owner a slot's claimer recorded.
     *
     * @param upidIndex a UPID slot
     * @return the pid recorded by the slot's owner, or 0 if the slot is free or its claim is not complete
     * @throws IllegalArgumentException if {@code upidIndex} is not a slot of the domain
     */
    long upidOwnerPid(int upidIndex);

    /**
     * The maintenance view of a domain, for its group's reaper.
     *
     * @param domain an attached domain
     * @return its maintenance operations
     * @throws UipcException if the domain's backend needs no reaper (the kernel frees a hardware
     *     UPID when its process dies)
     */
    static DomainMaintenance of(final InterruptDomain domain) {
        if (domain instanceof Provider) {
            return ((Provider) domain).maintenance();
        }
        throw new UipcException("backend '" + domain.backendName() + "' has no reaper maintenance: " + domain);
    }

    /** A domain whose backend leaves its dead processes' slots for a reaper to reclaim. */
    interface Provider {
        /**
         * Gives the reaper's view of this domain.
         *
         * @return the domain's maintenance operations
         */
        DomainMaintenance maintenance();
    }
}
