package io.uipc.table;

import org.agrona.concurrent.AtomicBuffer;

import java.lang.invoke.VarHandle;

import static io.uipc.table.ProcessTableDescriptor.SECRET_HASH_LENGTH;
import static io.uipc.table.ProcessTableDescriptor.SECRET_HASH_OFFSET;
import static io.uipc.table.ProcessTableDescriptor.SECRET_SALT_LENGTH;
import static io.uipc.table.ProcessTableDescriptor.SECRET_SALT_OFFSET;
import static io.uipc.table.ProcessTableDescriptor.SECRET_SEQUENCE_OFFSET;

/**
 * The secret's salt and hash in the table header, behind a seqlock
 * ({@link ProcessTableDescriptor}): a joiner reads the old pair or the new one, never half of
 * each, without a lock; a rotation writes under the mutation lock. A sequence left odd means a
 * rotation died half-way: the pair is torn until the secret is rotated again.
 */
final class TableSecret {
    private static final int READ_ATTEMPTS = 1_000;

    private final AtomicBuffer header;

    TableSecret(final AtomicBuffer table) {
        this.header = table;
    }

    /** {@return the salt and hash as one consistent read, or null if a rotation is writing them (or died doing so)} */
    Pair read() {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            final long before = header.getLongVolatile(SECRET_SEQUENCE_OFFSET);
            if ((before & 1) == 0) {
                final byte[] salt = new byte[SECRET_SALT_LENGTH];
                final byte[] hash = new byte[SECRET_HASH_LENGTH];
                header.getBytes(SECRET_SALT_OFFSET, salt);
                header.getBytes(SECRET_HASH_OFFSET, hash);
                VarHandle.acquireFence(); // the plain reads above complete before the sequence is read again
                if (header.getLongVolatile(SECRET_SEQUENCE_OFFSET) == before) {
                    return new Pair(before, salt, hash);
                }
            }
            Thread.onSpinWait();
        }
        return null;
    }

    /** {@return the sequence now: it changes with every rotation} */
    long sequence() {
        return header.getLongVolatile(SECRET_SEQUENCE_OFFSET);
    }

    /**
     * Replaces the pair (mutation lock held): the sequence goes odd, the pair is written, the
     * sequence goes even. Between {@link #begin} and {@link #end} the caller may do more (replace
     * the secret file), so that a joiner never sees the new hash before the new secret is there.
     *
     * @param salt the new salt
     * @param hash the new hash
     */
    void write(final byte[] salt, final byte[] hash) {
        header.putBytes(SECRET_SALT_OFFSET, salt);
        header.putBytes(SECRET_HASH_OFFSET, hash);
    }

    /** Makes the sequence odd: readers wait, then fall back to the mutation lock (held by the caller). */
    void begin() {
        final long now = header.getLongVolatile(SECRET_SEQUENCE_OFFSET);
        header.putLongVolatile(SECRET_SEQUENCE_OFFSET, (now & 1) == 0 ? now + 1 : now + 2);
        VarHandle.storeStoreFence(); // the odd sequence is visible before any byte of the new pair
    }

    /** Makes the sequence even again, one past the odd value: the new pair is published. */
    void end() {
        header.putLongVolatile(SECRET_SEQUENCE_OFFSET, header.getLongVolatile(SECRET_SEQUENCE_OFFSET) + 1);
    }

    /**
     * A consistent read of the secret's fields.
     *
     * @param sequence the even sequence they were read at
     * @param salt     the salt
     * @param hash     SHA-256(salt || secret)
     */
    record Pair(long sequence, byte[] salt, byte[] hash) {
        /** {@return whether {@code secret} matches, compared in constant time} */
        boolean matches(final String secret) {
            return GroupSecret.matches(salt, hash, secret);
        }
    }
}
