package io.uipc.table.bench;

import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

/** A group with the default capacities (4,096 entries, 16,384 receivers, 65,536 UITT entries) under a private root in /dev/shm. */
final class BenchGroup implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ProcessGroup group;
    private final String secret;

    BenchGroup(final String name) {
        final Path root = Paths.get("/dev/shm", "uipc-bench-" + ProcessHandle.current().pid());
        group = ProcessGroup.create(GroupSpec.named(name + "-" + COUNTER.incrementAndGet()).withRoot(root));
        secret = group.readSecret();
    }

    ProcessGroup group() {
        return group;
    }

    String secret() {
        return secret;
    }

    @Override
    public void close() {
        final Path dir = group.directory();
        group.close();
        ProcessGroup.destroy(dir, true);
        dir.getParent().toFile().delete();
    }
}
