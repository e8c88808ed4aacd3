package io.uipc.testing;

import io.uipc.core.internal.FileTrees;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * This JVM's class path as another user can read it. A JVM started as an {@link OtherUser}
 * cannot open jars in root's local Maven repository ({@code /root} is mode 0700), so every entry
 * whose path is not readable by others is copied, once per JVM, into a world-readable directory
 * under {@code java.io.tmpdir}, removed when this JVM exits.
 */
final class ReadableClassPath {
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static String cached;

    private ReadableClassPath() {
    }

    static synchronized String of(final String classPath) {
        if (cached == null) {
            cached = build(classPath);
        }
        return cached;
    }

    private static String build(final String classPath) {
        try {
            final Path copies = Files.createTempDirectory(Paths.get("/tmp"), "uipc-test-classpath-");
            Files.setPosixFilePermissions(copies, READABLE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileTrees.delete(copies);
                } catch (final IOException ignored) {
                    // a leftover copy in /tmp is harmless
                }
            }, "uipc-classpath-cleanup"));
            final List<String> entries = new ArrayList<>();
            int index = 0;
            for (final String entry : classPath.split(File.pathSeparator)) {
                final Path path = Paths.get(entry).toAbsolutePath();
                if (!Files.exists(path) || readableByOthers(path)) {
                    entries.add(entry);
                } else {
                    final Path copy = copies.resolve(index++ + "-" + path.getFileName());
                    copy(path, copy);
                    entries.add(copy.toString());
                }
            }
            return String.join(File.pathSeparator, entries);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot make the class path readable to another user", e);
        }
    }

    private static boolean readableByOthers(final Path path) throws IOException {
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ);
    }

    private static void copy(final Path from, final Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        try (Stream<Path> tree = Files.walk(from)) {
            for (final Path p : (Iterable<Path>) tree::iterator) {
                final Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, READABLE);
                } else {
                    Files.copy(p, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }
}
