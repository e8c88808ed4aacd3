package io.uipc.launcher;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When a wait for readiness reports progress: never in its first 2 s, then at 2, 5, 10 and every 10 s. */
class WaitProgressTest {
    @Test
    void reportsAtTwoFiveTenAndEveryTenSecondsAfter() {
        final WaitProgress progress = new WaitProgress();
        final List<Long> reported = new ArrayList<>();
        for (long ms = 0; ms <= 41_000; ms += 100) {
            final long s = progress.due(TimeUnit.MILLISECONDS.toNanos(ms));
            if (s >= 0) {
                reported.add(s);
            }
        }
        assertEquals(List.of(2L, 5L, 10L, 20L, 30L, 40L), reported);
    }

    @Test
    void aMemberReadyWithinTwoSecondsGetsNoLine() {
        final WaitProgress progress = new WaitProgress();
        assertEquals(-1, progress.due(TimeUnit.MILLISECONDS.toNanos(1_999)));
    }

    @Test
    void aLongPauseBetweenPollsGivesOneLineNotABacklog() {
        final WaitProgress progress = new WaitProgress();
        assertEquals(23, progress.due(TimeUnit.SECONDS.toNanos(23)));
        assertEquals(-1, progress.due(TimeUnit.SECONDS.toNanos(29)));
        assertEquals(30, progress.due(TimeUnit.SECONDS.toNanos(30)));
    }
}
