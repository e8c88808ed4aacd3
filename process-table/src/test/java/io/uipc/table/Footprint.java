package io.uipc.table;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.core.emulated.UittDescriptor;
import io.uipc.core.emulated.UpidDescriptor;

import java.util.Locale;

/**
 * Memory of a group's shared files versus the kernel RFC's private UITTs, computed from the
 * descriptor constants of the real layouts. Model: {@code processes} processes, each with
 * {@code threads} receiving threads that accept {@code vectors} vectors each; every process may
 * send to every receiving thread (its own included).
 *
 * @param processes processes on the host, each a sender
 * @param threads   receiving threads per process
 * @param vectors   vectors each receiving thread accepts
 */
record Footprint(long processes, long threads, long vectors) {
    /** The RFC's UITT size (UINTR_MAX_UITT_NR). */
    static final int RFC_UITT_ENTRIES = 256;
    /** A cell that does not apply to a model. */
    private static final long NONE = -1;

    /** @return receiving threads on the host: one UPID each */
    long receivers() {
        return processes * threads;
    }

    /** @return (receiver, vector) targets: one shared UITT entry each */
    long targets() {
        return receivers() * vectors;
    }

    /** @return the UPID table: one UPID (two cache lines) per receiving thread, in both models */
    long upidBytes() {
        return receivers() * UpidDescriptor.LENGTH;
    }

    /** @return the shared UITT: each receiver self-registers one entry per vector */
    long sharedUittBytes() {
        return targets() * UittDescriptor.LENGTH;
    }

    /** @return the domain segment file: header, UPIDs, shared UITT */
    static long domainFileBytes(final long upids, final long uittEntries) {
        return DomainHeaderDescriptor.HEADER_LENGTH + upids * UpidDescriptor.LENGTH + uittEntries * UittDescriptor.LENGTH;
    }

    /** @return the process table file: header, entries, name index */
    static long tableFileBytes(final int entries) {
        return ProcessTableDescriptor.HEADER_LENGTH + (long) entries * MemberEntryDescriptor.LENGTH
            + (long) ProcessTableDescriptor.indexCapacity(entries) * Integer.BYTES;
    }

    /** @return the lock file: mutation byte, election byte, one liveness byte per entry */
    static long lockFileBytes(final int entries) {
        return 2L + entries;
    }

    /** @return every file of the shared model: one table entry per receiving thread (an entry names one UPID) */
    long sharedTotalBytes() {
        final int entries = Math.toIntExact(receivers());
        return domainFileBytes(receivers(), targets()) + tableFileBytes(entries) + lockFileBytes(entries);
    }

    /** @return private UITT entries on the host when each sender names every target */
    long privateEntries() {
        return processes * targets();
    }

    /** @return private UITT bytes on the host when each sender names every target */
    long privateUittBytes() {
        return privateEntries() * UittDescriptor.LENGTH;
    }

    /** @return bytes of one RFC-sized private UITT */
    static long rfcUittBytes() {
        return (long) RFC_UITT_ENTRIES * UittDescriptor.LENGTH;
    }

    /** @return sender-to-target pairs the RFC-sized tables can hold, host-wide */
    long rfcReachablePairs() {
        return processes * Math.min(RFC_UITT_ENTRIES, targets());
    }

    /** @return the comparison as a Markdown table, bytes with thousands separators */
    String markdown() {
        final String f = "| %s | %s | %s | %s |%n";
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, f, "bytes unless stated", "shared UITT (uipc)", "private UITT per sender, N entries",
            "private UITT per sender, " + RFC_UITT_ENTRIES + " entries (RFC)"));
        sb.append("|---|---:|---:|---:|\n");
        row(sb, f, "UPIDs (" + UpidDescriptor.LENGTH + " B each)", upidBytes(), upidBytes(), upidBytes());
        row(sb, f, "UITT entries", targets(), privateEntries(), processes * RFC_UITT_ENTRIES);
        row(sb, f, "UITT bytes (" + UittDescriptor.LENGTH + " B each)", sharedUittBytes(), privateUittBytes(),
            processes * rfcUittBytes());
        row(sb, f, "UITT bytes per sender process", 0, targets() * UittDescriptor.LENGTH, rfcUittBytes());
        row(sb, f, "registrations (register calls / fds passed)", targets(), privateEntries(), processes * RFC_UITT_ENTRIES);
        row(sb, f, "(sender, target) pairs reachable", privateEntries(), privateEntries(), rfcReachablePairs());
        final int entries = Math.toIntExact(receivers());
        row(sb, f, "process table (" + MemberEntryDescriptor.LENGTH + " B entries + name index)", tableFileBytes(entries), NONE, NONE);
        row(sb, f, "lock file", lockFileBytes(entries), NONE, NONE);
        row(sb, f, "total", sharedTotalBytes(), upidBytes() + privateUittBytes(), upidBytes() + processes * rfcUittBytes());
        return sb.toString();
    }

    private static void row(final StringBuilder sb, final String f, final String what, final long shared, final long perSender,
                            final long rfc) {
        sb.append(String.format(Locale.ROOT, f, what, n(shared), n(perSender), n(rfc)));
    }

    private static String n(final long v) {
        return v == NONE ? "-" : String.format(Locale.ROOT, "%,d", v);
    }
}
