package io.uipc.launcher.cli;

import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.MemberInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-second rates of each member's shared counters between two reads of a group: the difference
 * of the counters over the measured time between the reads. A member that was not in the earlier
 * read (a new entry, or its slot reused) has no rates yet, nor has any member on the first read.
 */
final class MemberRates {
    /** A member's rates, per second. */
    record Rates(double sent, double failed, double received, double coalesced, double wakeups) {
    }

    private final Map<Long, Rates> bySlot;
    private final double seconds;

    private MemberRates(final Map<Long, Rates> bySlot, final double seconds) {
        this.bySlot = bySlot;
        this.seconds = seconds;
    }

    /**
     * Computes the rates.
     *
     * @param before the earlier read, or null on the first
     * @param now    the later read
     * @return the rates of every member present in both
     */
    static MemberRates between(final GroupStatus before, final GroupStatus now) {
        final Map<Long, Rates> rates = new HashMap<>();
        if (before == null) {
            return new MemberRates(rates, Double.NaN);
        }
        final double seconds = (now.nanoTime() - before.nanoTime()) / 1e9;
        final Map<Long, MemberStatus> earlier = new HashMap<>();
        before.members().forEach(m -> earlier.put(key(m.entry()), m));
        for (final MemberStatus m : now.members()) {
            final MemberStatus b = earlier.get(key(m.entry()));
            if (b != null && seconds > 0) {
                rates.put(key(m.entry()), new Rates(rate(b.entry().sent(), m.entry().sent(), seconds),
                    rate(b.entry().failed(), m.entry().failed(), seconds),
                    rate(b.entry().received(), m.entry().received(), seconds), rate(b.coalesced(), m.coalesced(), seconds),
                    rate(b.wakeups(), m.wakeups(), seconds)));
            }
        }
        return new MemberRates(rates, seconds);
    }

    /**
     * The rates of one member.
     *
     * @param m a member of the later read
     * @return its rates, or null if it has none yet
     */
    Rates of(final MemberStatus m) {
        return bySlot.get(key(m.entry()));
    }

    /**
     * The measured time between the two reads.
     *
     * @return seconds, or NaN on the first read
     */
    double seconds() {
        return seconds;
    }

    private static double rate(final long before, final long after, final double seconds) {
        return Math.max(0, after - before) / seconds;
    }

    private static long key(final MemberInfo m) {
        return ((long) m.slot() << 32) | (m.generation() & 0xffff_ffffL);
    }
}
