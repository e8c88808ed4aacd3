package io.uipc.core.crossprocess;

import io.uipc.core.Receiver;

import java.util.Map;

/**
 * A receiver's UPID counters as a child JVM reports them, "posted=P coalesced=C delivered=D
 * wakeups=W", and as the test reads them back.
 */
record Counters(long posted, long coalesced, long delivered, long wakeups) {
    static Counters of(final Receiver receiver) {
        return new Counters(receiver.postedCount(), receiver.coalescedCount(), receiver.deliveredCount(), receiver.wakeupCount());
    }

    static Counters parse(final String text) {
        final Map<String, Long> fields = KeyValues.parse(text);
        return new Counters(fields.get("posted"), fields.get("coalesced"), fields.get("delivered"), fields.get("wakeups"));
    }

    String line() {
        return "posted=" + posted + " coalesced=" + coalesced + " delivered=" + delivered + " wakeups=" + wakeups;
    }
}
