package io.uipc.core;

import io.uipc.core.emulated.EmulatedDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Out-of-range vectors and UITT indices: clear exceptions or result codes, never a post. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BadInputTest {
    private static final int UITT_ENTRIES = 8;

    @TempDir
    Path dir;
    private InterruptDomain domain;
    private Receiver receiver;

    @BeforeEach
    void open() {
        domain = EmulatedDomain.create(DomainConfig.of(dir.resolve("domain")).withCapacities(2, UITT_ENTRIES));
        receiver = domain.registerReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
        domain.close();
    }

    @Test
    void vectorsOutsideZeroToSixtyThreeAreRejected() {
        for (final int vector : new int[] {64, -1}) {
            final List<Executable> uses = List.of(
                () -> receiver.registerVector(vector),
                () -> receiver.mintGrant(vector),
                () -> receiver.mask(vector),
                () -> receiver.unmask(vector),
                () -> receiver.onVector(vector, v -> { }),
                () -> receiver.interruptOn(vector, Thread.currentThread()),
                () -> new Grant(receiver.upidIndex(), receiver.upidGeneration(), vector),
                () -> Vectors.check(vector));
            for (final Executable use : uses) {
                final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, use);
                assertEquals("vector " + vector + " is out of range: user vectors are 0..63", e.getMessage());
            }
        }
        assertEquals(0, receiver.postedCount());
        assertEquals(0L, receiver.poll());
    }

    @Test
    void uittIndicesOutsideTheTableAreInvalid() {
        final InterruptDomain d = domain;
        final PrivateUitt privateUitt = d.newPrivateUitt(4);
        final int[] results = {
            d.sendIndex(UITT_ENTRIES), d.sendIndex(-1), d.sendIndex(Integer.MAX_VALUE),
            d.send(UittHandle.of(UITT_ENTRIES, 0)), d.send(UittHandle.of(-1, 0)),
            privateUitt.send(4), privateUitt.send(-1)};
        for (final int result : results) {
            assertEquals(SendResult.INVALID_INDEX, result);
        }
        final SendFailedException e = assertThrows(SendFailedException.class, () -> SendResult.check(d.sendIndex(UITT_ENTRIES)));
        assertEquals(SendResult.INVALID_INDEX, e.code());
        assertEquals("invalid UITT index: outside the table", e.getMessage());
        assertTrue(!privateUitt.unregister(4) && !privateUitt.unregister(-1));
        assertEquals(0, receiver.postedCount());
    }

    @Test
    void malformedGrantsAreRejected() {
        final Map<String, String> messages = Map.of(
            "grant:1:2", "not a grant: 'grant:1:2' (expected grant:<upid>:<generation>:<vector>)",
            "nope:1:1:1", "not a grant: 'nope:1:1:1' (expected grant:<upid>:<generation>:<vector>)",
            "grant:x:1:2", "not a grant: 'grant:x:1:2': For input string: \"x\"",
            "grant:1:1:64", "vector 64 is out of range: user vectors are 0..63",
            "grant:-1:1:1", "negative UPID index -1");
        messages.forEach((text, message) ->
            assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Grant.parse(text)).getMessage()));
        final Grant foreign = new Grant(2, 1, 5);
        final PrivateUitt privateUitt = domain.newPrivateUitt(4);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> privateUitt.register(foreign));
        assertTrue(e.getMessage().contains("minted in another domain"), e.getMessage());
    }
}
