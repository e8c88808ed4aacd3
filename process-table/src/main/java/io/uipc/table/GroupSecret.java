package io.uipc.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The group secret: 32 random bytes made with the group, kept in its {@code secret} file
 * (readable only by those allowed to join) and given to children by the launcher in the
 * {@value #ENV} environment variable. The table header holds only a salted SHA-256 of it;
 * checking a joiner is one hash and one constant-time compare: O(1), no per-pair state.
 */
public final class GroupSecret {
    /** Environment variable the launcher passes the secret in. */
    public static final String ENV = "UIPC_GROUP_SECRET";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GroupSecret() {
    }

    /** @return a new secret, hex-encoded */
    static String generate() {
        final byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** @return random salt */
    static byte[] salt() {
        final byte[] salt = new byte[ProcessTableDescriptor.SECRET_SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** @return SHA-256(salt || secret) */
    static byte[] hash(final byte[] salt, final String secret) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.trim().getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    /** @return whether {@code secret} matches, compared in constant time */
    static boolean matches(final byte[] salt, final byte[] expectedHash, final String secret) {
        return secret != null && MessageDigest.isEqual(expectedHash, hash(salt, secret));
    }
}
