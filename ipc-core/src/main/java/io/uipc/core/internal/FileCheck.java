package io.uipc.core.internal;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * What a shared file must be, besides a regular file of its format's size, before
 * {@link SharedDirectory} opens it: its owner, its exact mode and its group. A group's own files
 * must belong to the group directory's owner, so that a member who replaced one with a file of
 * its own (it may write in the directory) is refused instead of trusted.
 *
 * @param owner       the owner the file must have, or null for any
 * @param permissions the file's exact mode bits, or null for any
 * @param group       the file's group, or null for any
 */
public record FileCheck(UserPrincipal owner, Set<PosixFilePermission> permissions, GroupPrincipal group) {
    /** No check beyond a regular file of the right size. */
    public static final FileCheck ANY = new FileCheck(null, null, null);

    /**
     * Copies the permissions.
     *
     * @param owner       the owner the file must have, or null for any
     * @param permissions the file's exact mode bits, or null for any
     * @param group       the file's group, or null for any
     */
    public FileCheck {
        permissions = permissions == null ? null : Set.copyOf(permissions);
    }

    /**
     * Says how a file's attributes fail this check.
     *
     * @param attributes the file's attributes, read without following a link
     * @return a phrase such as "is owned by mallory, not root", or null if they pass
     */
    public String mismatch(final PosixFileAttributes attributes) {
        if (owner != null && !owner.equals(attributes.owner())) {
            return "is owned by " + attributes.owner().getName() + ", not " + owner.getName() + " (the group directory's owner)";
        }
        if (permissions != null && !permissions.equals(attributes.permissions())) {
            return "has mode " + PosixFilePermissions.toString(attributes.permissions()) + ", not "
                + PosixFilePermissions.toString(permissions);
        }
        if (group != null && !group.equals(attributes.group())) {
            return "belongs to Unix group " + attributes.group().getName() + ", not " + group.getName();
        }
        return null;
    }
}
