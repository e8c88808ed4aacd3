package io.uipc.table;

import io.uipc.core.internal.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unique root directory for a test's groups, under /dev/shm (or java.io.tmpdir where there
 * is none), deleted with everything in it on {@link #close()}.
 */
final class TempGroups implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path root;

    TempGroups() {
        final Path shm = Paths.get("/dev/shm");
        final Path base = Files.isDirectory(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
        root = base.resolve("uipc-test-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime());
        try {
            Files.createDirectories(root);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the root directory */
    Path root() {
        return root;
    }

    /** @return a spec for a group under this root with small capacities */
    GroupSpec spec(final String name, final int entries, final int receivers, final int uitt) {
        return GroupSpec.named(name).withRoot(root).withCapacities(entries, receivers, uitt);
    }

    /** @return a new group under this root with small capacities */
    ProcessGroup create(final String name, final int entries, final int receivers, final int uitt) {
        return ProcessGroup.create(spec(name, entries, receivers, uitt));
    }

    @Override
    public void close() {
        try {
            FileTrees.delete(root);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
