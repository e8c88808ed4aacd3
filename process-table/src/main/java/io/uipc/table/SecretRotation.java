package io.uipc.table;

import io.uipc.core.UipcException;
import io.uipc.core.internal.FileAccess;
import io.uipc.core.internal.SharedDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;

/**
 * Replaces a group's secret ({@code uipc rotate-secret}): a new random secret in the
 * {@code secret} file, its new salt and hash in the table. New joins need the new secret; live
 * members joined already and are not asked again. Only the group's owner (the uid that owns its
 * directory) may rotate.
 *
 * <p>Order, under the mutation lock (joins wait for it): the table's secret sequence goes odd
 * (lock-free checks fall back to the lock), the new salt and hash are written, the file is
 * replaced atomically (renamed over the old one, with its mode and Unix group), and the sequence
 * goes even. A joiner therefore sees the old pair with the old file or the new pair with the new
 * file. If the rotator dies in between, the sequence stays odd and joins are refused with a
 * message saying to rotate again; if replacing the file fails, the old pair is put back.
 */
final class SecretRotation {
    private final GroupDirectory files;
    private final TableSecret secret;

    SecretRotation(final GroupDirectory files) {
        this.files = files;
        this.secret = new TableSecret(files.table().buffer());
    }

    /**
     * Rotates the secret.
     *
     * @return how many times the group's secret has been rotated, this time included
     * @throws GroupAccessException if this process's uid does not own the group
     * @throws UipcException        if the secret file cannot be replaced (the old secret stays valid)
     */
    @SuppressWarnings("try") // the resource is the mutation lock, held for the block
    long rotate() {
        checkOwner();
        final String fresh = GroupSecret.generate();
        final byte[] salt = GroupSecret.salt();
        final byte[] hash = GroupSecret.hash(salt, fresh);
        try (GroupLocks.Held ignored = files.locks().mutation()) {
            final TableSecret.Pair old = secret.read();
            secret.begin();
            secret.write(salt, hash);
            try {
                replaceFile(fresh);
            } catch (final IOException | RuntimeException e) {
                if (old != null) {
                    secret.write(old.salt(), old.hash());
                    secret.end();
                }
                throw new UipcException("cannot rotate the secret of group " + files.name() + ": cannot replace "
                    + files.path().resolve(GroupFileNames.SECRET) + ": " + e.getMessage() + " (the old secret stays valid)", e);
            }
            secret.end();
        }
        return secret.sequence() / 2;
    }

    private void checkOwner() {
        try {
            final int owner = (Integer) Files.getAttribute(files.path(), "unix:uid", LinkOption.NOFOLLOW_LINKS);
            final int me = GroupFiles.Credentials.current().uid();
            if (owner != me) {
                throw new GroupAccessException("only the owner of group " + files.name() + " (uid " + owner
                    + ") may rotate its secret; this process runs as uid " + me + ": refused");
            }
        } catch (final IOException e) {
            throw new UipcException("cannot read the owner of group " + files.path() + ": " + e, e);
        }
    }

    /** Writes the new secret file beside the old one and renames it over it, keeping the old one's mode and Unix group. */
    private void replaceFile(final String fresh) throws IOException {
        final byte[] line = (fresh + "\n").getBytes(StandardCharsets.US_ASCII);
        try (SharedDirectory dir = SharedDirectory.open(files.path())) {
            final FileAccess access = FileAccess.sameAs(dir.attributes(GroupFileNames.SECRET));
            dir.replace(GroupFileNames.SECRET, line.length, access, file -> file.putBytes(0, line));
        }
    }
}
