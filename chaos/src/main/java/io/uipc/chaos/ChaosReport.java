package io.uipc.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a chaos run did and every violation it found; {@link #ok()} when there are none. */
public final class ChaosReport {
    long seed;
    long durationMillis;
    int members;
    int kills;
    int stops;
    int restarts;
    int survivors;
    long interruptsAccepted;
    long interruptDeliveries;
    long mailsAccepted;
    long mailsChecked;
    long mailsReceived;
    long lost;
    long duplicated;
    long deathsReaped;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    ChaosReport() {
    }

    void violation(final String what) {
        violations.add(what);
    }

    /** {@return the violations found, empty if the run upheld every guarantee} */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** {@return whether no violation was found} */
    public boolean ok() {
        return violations().isEmpty();
    }

    /** {@return members killed by SIGKILL} */
    public int kills() {
        return kills;
    }

    /** {@return restarts of killed members that rejoined} */
    public int restarts() {
        return restarts;
    }

    /** {@return SIGSTOP/SIGCONT pairs} */
    public int stops() {
        return stops;
    }

    /** {@return mails accepted for receivers that survived, each checked for exactly-once receipt} */
    public long mailsChecked() {
        return mailsChecked;
    }

    /** {@return interrupts accepted (send returned a non-negative code), to any receiver} */
    public long interruptsAccepted() {
        return interruptsAccepted;
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format("chaos: seed %d, %d members, %.1f s%n", seed, members, durationMillis / 1000.0));
        sb.append(String.format("  kills %d, stops %d, restarts %d, survivors %d, deaths reaped %d%n",
            kills, stops, restarts, survivors, deathsReaped));
        sb.append(String.format("  interrupts accepted %d, deliveries %d%n", interruptsAccepted, interruptDeliveries));
        sb.append(String.format("  messages accepted %d (for survivors %d), received %d%n", mailsAccepted, mailsChecked, mailsReceived));
        sb.append(String.format("  lost = %d, duplicated = %d, violations = %d%n", lost, duplicated, violations().size()));
        for (final String v : violations()) {
            sb.append("  VIOLATION: ").append(v).append('\n');
        }
        return sb.toString();
    }
}
