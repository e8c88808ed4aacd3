package io.uipc.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secret's seqlock in the table header (issue 11 item 19): a reader racing rotations sees
 * the old pair or the new one, never half of each; a rotation that died half-way (its sequence
 * left odd, the pair torn) refuses every join with a message saying what to do, until the
 * secret is rotated again.
 */
@Timeout(60)
class SecretRotationProtocolTest extends OneGroupTest {
    private static final int ROTATIONS = 20_000;

    SecretRotationProtocolTest() {
        super("seqlock", 4, 4, 16);
    }

    @Test
    void aReaderRacingRotationsSeesOnePairOrTheOtherNeverAMix() throws Exception {
        final TableSecret secrets = new TableSecret(group.table().buffer());
        final byte[] saltA = filled(ProcessTableDescriptor.SECRET_SALT_LENGTH, 0x11);
        final byte[] hashA = filled(ProcessTableDescriptor.SECRET_HASH_LENGTH, 0x22);
        final byte[] saltB = filled(ProcessTableDescriptor.SECRET_SALT_LENGTH, 0x33);
        final byte[] hashB = filled(ProcessTableDescriptor.SECRET_HASH_LENGTH, 0x44);
        secrets.begin();
        secrets.write(saltA, hashA);
        secrets.end();
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong mixed = new AtomicLong();
        final Thread reader = new Thread(() -> {
            while (!done.get()) {
                final TableSecret.Pair pair = secrets.read();
                if (pair == null) {
                    continue;
                }
                reads.incrementAndGet();
                final boolean a = Arrays.equals(pair.salt(), saltA) && Arrays.equals(pair.hash(), hashA);
                final boolean b = Arrays.equals(pair.salt(), saltB) && Arrays.equals(pair.hash(), hashB);
                if (!a && !b || (pair.sequence() & 1) != 0) {
                    mixed.incrementAndGet();
                }
            }
        });
        reader.start();
        for (int i = 0; i < ROTATIONS; i++) {
            secrets.begin();
            secrets.write(i % 2 == 0 ? saltB : saltA, i % 2 == 0 ? hashB : hashA);
            secrets.end();
        }
        done.set(true);
        reader.join();
        assertTrue(reads.get() > 0, "the reader read");
        assertEquals(0, mixed.get(), "torn reads out of " + reads.get());
        assertEquals(2L * (ROTATIONS + 1), secrets.sequence(), "two steps per rotation");
    }

    @Test
    void aRotationThatDiedHalfWayRefusesJoinsUntilTheSecretIsRotatedAgain() {
        final TableSecret secrets = new TableSecret(group.table().buffer());
        secrets.begin();
        secrets.write(filled(ProcessTableDescriptor.SECRET_SALT_LENGTH, 0x55), filled(ProcessTableDescriptor.SECRET_HASH_LENGTH, 0));
        // the rotator "dies" here: the sequence stays odd and no lock is held
        final GroupAccessException torn = assertThrows(GroupAccessException.class, () -> group.join(JoinOptions.named("fg-1").secret(secret)));
        assertEquals("the secret of group seqlock is unusable: a rotation died half-way; run 'uipc rotate-secret seqlock' again:"
            + " join refused", torn.getMessage());
        assertTrue(group.members().isEmpty());

        assertEquals(2, group.rotateSecret(), "a rotation repairs it (the dead one counts)");
        final String fresh = group.readSecret();
        assertThrows(GroupAccessException.class, () -> group.join(JoinOptions.named("fg-1").secret(secret)), "the old secret is gone");
        assertEquals(MemberHandle.NULL, group.lookup("fg-1"));
        assertEquals(group.join(JoinOptions.named("fg-1").secret(fresh)).handle(), group.lookup("fg-1"));
    }

    private static byte[] filled(final int length, final int value) {
        final byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
