package io.uipc.table;

import io.uipc.core.UipcException;
import io.uipc.core.internal.SharedDirectory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The groups of a root ({@code uipc ls}). The root is opened and checked as for a create
 * ({@link GroupRoot}); each entry with a group's name is looked at without following a link and
 * then attached the way {@link ProcessGroup#attach(Path)} attaches, with all its checks, so a
 * group this process may not attach, or a broken one, is reported rather than failing the list.
 * Names that are not group names (temporary {@code .NAME.creating-*} directories, stray files)
 * are left out.
 */
public final class GroupCatalog {
    /** A group directory in {@code --unix-group} mode gives its Unix group rwx ({@link GroupFiles}). */
    private static final Set<PosixFilePermission> GROUP_RWX = PosixFilePermissions.fromString("---rwx---");

    private GroupCatalog() {
    }

    /**
     * Lists the groups of a root, by name.
     *
     * @param root the root (such as {@link GroupSpec#defaultRoot()})
     * @return its groups, sorted by name; empty if the root does not exist
     * @throws UipcException one line if the root is not a trusted directory
     */
    public static List<GroupSummary> list(final Path root) {
        final Path absolute = root.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (SharedDirectory opened = GroupRoot.openForList(absolute)) {
            final List<GroupSummary> groups = new ArrayList<>();
            for (final String name : names(absolute)) {
                summarise(opened, name).ifPresent(groups::add);
            }
            return groups;
        } catch (final IOException e) {
            throw new UipcException("cannot list group root " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** The entries' names, sorted; only names, each looked at again through the opened root. */
    private static TreeSet<String> names(final Path root) throws IOException {
        final TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (final Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    private static Optional<GroupSummary> summarise(final SharedDirectory root, final String name) {
        try {
            GroupSpec.checkName(name);
        } catch (final IllegalArgumentException e) {
            return Optional.empty();
        }
        final PosixFileAttributes attributes;
        try {
            attributes = root.attributes(name);
        } catch (final NoSuchFileException e) {
            return Optional.empty();
        } catch (final IOException e) {
            return Optional.of(broken(root, name, "?", Optional.empty(), "cannot read it: " + e.getMessage()));
        }
        final String owner = attributes.owner().getName();
        final Optional<String> shared = attributes.permissions().containsAll(GROUP_RWX)
            ? Optional.of(attributes.group().getName()) : Optional.empty();
        if (!attributes.isDirectory()) {
            return Optional.of(broken(root, name, owner, shared, (attributes.isSymbolicLink() ? "a symbolic link" : "not a directory")
                + " where a group directory should be"));
        }
        try (ProcessGroup group = ProcessGroup.attach(root.pathOf(name))) {
            return Optional.of(new GroupSummary(name, root.pathOf(name), owner, shared, GroupSummary.Status.OK, "",
                group.liveMemberNames().size(), group.capacity(), group.domain().backendName()));
        } catch (final GroupAccessException e) {
            return Optional.of(new GroupSummary(name, root.pathOf(name), owner, shared, GroupSummary.Status.REFUSED, e.getMessage(),
                -1, -1, ""));
        } catch (final UipcException e) {
            return Optional.of(broken(root, name, owner, shared, e.getMessage()));
        }
    }

    private static GroupSummary broken(final SharedDirectory root, final String name, final String owner, final Optional<String> shared,
                                       final String why) {
        return new GroupSummary(name, root.pathOf(name), owner, shared, GroupSummary.Status.BROKEN, why, -1, -1, "");
    }
}
