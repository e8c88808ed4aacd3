package io.uipc.core.internal;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Who may open a shared file: its POSIX permissions and, where it is shared with a Unix group,
 * that group. {@link SharedDirectory} gives a new file these before anyone can see it.
 *
 * @param permissions the file's mode bits, set exactly (the umask does not apply)
 * @param group       the file's group, or null to keep the creator's
 */
public record FileAccess(Set<PosixFilePermission> permissions, GroupPrincipal group) {
    /**
     * Copies the permissions.
     *
     * @param permissions the file's mode bits, set exactly (the umask does not apply)
     * @param group       the file's group, or null to keep the creator's
     */
    public FileAccess {
        permissions = Set.copyOf(permissions);
    }

    /**
     * Access by mode alone.
     *
     * @param permissions the file's mode bits
     * @return access with the creator's group
     */
    public static FileAccess of(final Set<PosixFilePermission> permissions) {
        return new FileAccess(permissions, null);
    }

    /**
     * The access another file has: a member's inbox gets that of its group's table.
     *
     * @param reference the other file's attributes
     * @return access with its mode and group
     */
    public static FileAccess sameAs(final PosixFileAttributes reference) {
        return new FileAccess(reference.permissions(), reference.group());
    }
}
