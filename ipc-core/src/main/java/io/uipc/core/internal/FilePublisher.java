package io.uipc.core.internal;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How {@link SharedDirectory} creates a file: under a temporary name, given its final mode and
 * group, allocated, mapped and filled, then renamed to its name. Mode and group are set by name
 * (Java has no fchmod on a channel), so the temporary name must be one no one else can swap:
 * beside the final name in a directory only this user may write in, else inside a private
 * directory of its own (mode 0700), moved out complete.
 */
final class FilePublisher {
    private static final Set<OpenOption> CREATE_OPTIONS = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    private FilePublisher() {
    }

    static MappedByteBuffer publish(final SharedDirectory dir, final String name, final long length, final FileAccess access,
                                     final Consumer<AtomicBuffer> fill, final boolean replace) throws IOException {
        if (length < 1 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(dir.pathOf(name) + " of " + length + " bytes cannot be mapped: 1 to 2 GiB");
        }
        final String temporary = TemporaryNames.creating(name);
        final PosixFileAttributes own = dir.ownAttributes();
        if (own.owner().equals(CurrentUser.principal()) && !own.permissions().contains(PosixFilePermission.GROUP_WRITE)
            && !own.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            return publishFrom(dir, dir, dir.element(temporary), name, length, access, fill, replace);
        }
        // others may write here: they could swap the temporary name before its mode and group are set
        try (SharedDirectory staging = dir.createDirectory(temporary)) {
            return publishFrom(dir, staging, staging.element(name), name, length, access, fill, replace);
        } finally {
            dir.deleteDirectoryQuietly(temporary);
        }
    }

    private static MappedByteBuffer publishFrom(final SharedDirectory dir, final SharedDirectory work, final Path tmp, final String name, final long length,
                                         final FileAccess access, final Consumer<AtomicBuffer> fill, final boolean replace)
        throws IOException {
        final Path target = dir.element(name);
        // created before the try: a temporary name that exists already is someone else's, never deleted here
        final FileChannel created = fileChannel(work.directory.newByteChannel(tmp, CREATE_OPTIONS,
            PosixFilePermissions.asFileAttribute(access.permissions())));
        try {
            final MappedByteBuffer mapped;
            try (FileChannel channel = created) {
                SharedDirectory.stepHook.created(work.path.resolve(tmp));
                applyAccess(work, tmp, access);
                FileAllocation.allocate(channel, length);
                mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            }
            fill.accept(new UnsafeBuffer(mapped));
            if (replace) {
                work.directory.move(tmp, dir.directory, target);
            } else {
                moveToNewName(dir, work, tmp, target, access);
            }
            return mapped;
        } catch (final Throwable t) {
            work.deleteQuietly(tmp);
            throw t;
        }
    }

    /**
     * A rename replaces what has the new name, so the name is first taken with an exclusive
     * create (which fails if it exists, even as a link) and the finished file renamed over it:
     * of two processes creating one name, exactly one succeeds. An attacher between the two
     * steps finds an empty file and fails as on a truncated one.
     */
    private static void moveToNewName(final SharedDirectory dir, final SharedDirectory work, final Path tmp, final Path target, final FileAccess access)
        throws IOException {
        dir.directory.newByteChannel(target, CREATE_OPTIONS, PosixFilePermissions.asFileAttribute(access.permissions())).close();
        try {
            work.directory.move(tmp, dir.directory, target);
        } catch (final Throwable t) {
            dir.deleteQuietly(target);
            throw t;
        }
    }

    /** Sets mode and group by name: only ever on a temporary name no one else can swap. */
    private static void applyAccess(final SharedDirectory work, final Path file, final FileAccess access) throws IOException {
        final PosixFileAttributeView view = work.directory.getFileAttributeView(file, PosixFileAttributeView.class,
            LinkOption.NOFOLLOW_LINKS);
        view.setPermissions(access.permissions());
        if (access.group() != null && !view.readAttributes().group().equals(access.group())) {
            view.setGroup(access.group());
        }
    }

    static FileChannel fileChannel(final SeekableByteChannel channel) throws IOException {
        if (channel instanceof FileChannel) {
            return (FileChannel) channel;
        }
        channel.close();
        throw new IOException("the secure directory stream opened a " + channel.getClass().getName() + ", not a mappable FileChannel");
    }
}
