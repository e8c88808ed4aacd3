package io.uipc.launcher.metrics;

import java.util.OptionalInt;

/**
 * One member's counters at one moment.
 *
 * @param name           member name
 * @param pid            OS pid of the member's process
 * @param sent           interrupts it sent, as of its last heartbeat
 * @param received       interrupts delivered to its receiver
 * @param coalesced      sends to it that coalesced with an already-pending vector
 * @param wakeUps        kernel wake-ups senders made for it
 * @param heartbeatAgeMs milliseconds since its last heartbeat
 * @param up             whether its process holds its liveness lock
 * @param mailboxBytes   bytes waiting in its inbox, if it has one
 */
public record MemberSample(String name, long pid, long sent, long received, long coalesced, long wakeUps,
                           long heartbeatAgeMs, boolean up, OptionalInt mailboxBytes) {
}
