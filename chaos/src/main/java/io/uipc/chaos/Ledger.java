package io.uipc.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the logs of a chaos run (format in {@link ChaosMember}) against the guarantees, for
 * every receiver incarnation that survived to the end (mail to an incarnation that was killed
 * may be lost with it):
 * <ul>
 *   <li>mail: every message accepted for it was received exactly once, in each sender's order;
 *       nothing was received that a surviving sender did not log as accepted (a killed sender may
 *       have died between offer and log: at most one such record per killed sender incarnation);</li>
 *   <li>interrupts (which coalesce, as UINTR's PIR does): if any send to it was accepted, a
 *       delivery of the vector was logged after the last accepted send began; and there were no
 *       more deliveries than accepted sends (plus one per killed sender incarnation).</li>
 * </ul>
 */
final class Ledger {
    private final Path logDir;
    private final ChaosReport report;

    Ledger(final Path logDir, final ChaosReport report) {
        this.logDir = logDir;
        this.report = report;
    }

    /** A receiver incarnation that survived: its index, member handle and name. */
    record Survivor(int index, long handle, String name, int incarnation) {
    }

    /**
     * @param survivors         incarnations alive at the end, by index
     * @param killedIncarnations "index.incarnation" of every killed incarnation
     */
    void check(final List<Survivor> survivors, final Set<String> killedIncarnations) {
        final Map<Long, Set<String>> acceptedMail = new HashMap<>();
        final Map<Long, long[]> acceptedPokes = new HashMap<>();
        for (final Survivor s : survivors) {
            acceptedMail.put(s.handle(), new HashSet<>());
            acceptedPokes.put(s.handle(), new long[] {0, Long.MIN_VALUE});
        }
        for (final Path sent : files(".sent")) {
            final String[] id = senderId(sent);
            for (final String line : lines(sent)) {
                final String[] f = line.split(" ");
                if (f.length != 4) {
                    continue;
                }
                final long handle = Long.parseLong(f[2]);
                if (f[0].equals("A")) {
                    report.mailsAccepted++;
                    final Set<String> set = acceptedMail.get(handle);
                    if (set != null) {
                        set.add(id[0] + " " + id[1] + " " + f[3]);
                    }
                } else if (f[0].equals("I")) {
                    report.interruptsAccepted++;
                    final long[] pokes = acceptedPokes.get(handle);
                    if (pokes != null) {
                        pokes[0]++;
                        pokes[1] = Math.max(pokes[1], Long.parseLong(f[3]));
                    }
                }
            }
        }
        for (final Survivor s : survivors) {
            checkReceiver(s, acceptedMail.get(s.handle()), acceptedPokes.get(s.handle()), killedIncarnations);
        }
    }

    private void checkReceiver(final Survivor s, final Set<String> accepted, final long[] pokes, final Set<String> killed) {
        final Path recv = logDir.resolve(s.name() + "." + s.incarnation() + ".recv");
        final Set<String> received = new HashSet<>();
        final Map<String, Long> lastSeq = new HashMap<>();
        final Map<String, Integer> unaccountedFromKilled = new HashMap<>();
        long deliveries = 0;
        long lastDelivery = Long.MIN_VALUE;
        for (final String line : lines(recv)) {
            final String[] f = line.split(" ");
            if (f[0].equals("J") && Long.parseLong(f[1]) != s.handle()) {
                report.violation(s.name() + "." + s.incarnation() + " logged handle " + f[1] + " but announced " + s.handle());
            } else if (f[0].equals("V")) {
                deliveries++;
                lastDelivery = Math.max(lastDelivery, Long.parseLong(f[1]));
            } else if (f[0].equals("M") && f.length == 4) {
                report.mailsReceived++;
                final String sender = f[1] + " " + f[2];
                final String key = sender + " " + f[3];
                final long seq = Long.parseLong(f[3]);
                if (!received.add(key)) {
                    report.duplicated++;
                    report.violation(s.name() + " received mail (" + key + ") twice");
                }
                final Long previous = lastSeq.put(sender, seq);
                if (previous != null && previous >= seq) {
                    report.violation(s.name() + " received mail from " + sender + " out of order: seq " + seq + " after " + previous);
                }
                if (!accepted.contains(key)) {
                    if (!killed.contains(f[1] + "." + f[2])) {
                        report.violation(s.name() + " received mail (" + key + ") that its surviving sender never logged as accepted");
                    } else if (unaccountedFromKilled.merge(sender, 1, Integer::sum) > 1) {
                        report.violation(s.name() + " received more than one unlogged mail from killed sender " + sender);
                    }
                }
            }
        }
        for (final String key : accepted) {
            report.mailsChecked++;
            if (!received.contains(key)) {
                report.lost++;
                if (report.lost <= 20) {
                    report.violation("mail (" + key + ") accepted for " + s.name() + " (handle " + s.handle() + ") was never received");
                }
            }
        }
        report.interruptDeliveries += deliveries;
        if (pokes[0] > 0 && lastDelivery < pokes[1]) {
            report.violation(s.name() + ": lost wake-up: the last of " + pokes[0] + " accepted interrupts began at " + pokes[1]
                + " ns but the last delivery was at " + (deliveries == 0 ? "never" : lastDelivery + " ns"));
        }
        if (deliveries > pokes[0] + killed.size()) {
            report.violation(s.name() + ": " + deliveries + " deliveries of the poke vector but only " + pokes[0]
                + " accepted sends (" + killed.size() + " killed senders): a delivery without a send");
        }
    }

    /** @return {index, incarnation} from "m3.2.sent" */
    private static String[] senderId(final Path file) {
        final String[] parts = file.getFileName().toString().split("\\.");
        return new String[] {parts[0].substring(1), parts[1]};
    }

    private List<Path> files(final String suffix) {
        try (Stream<Path> s = Files.list(logDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(final Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
