package io.uipc.table.bench;

import io.uipc.core.DomainConfig;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

/** A benchmark's group under a private root in /dev/shm, by default with the default capacities (4,096 entries, 16,384 receivers, 65,536 UITT entries). */
final class BenchGroup implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ProcessGroup group;
    private final String secret;

    BenchGroup(final String name) {
        this(name, GroupSpec.DEFAULT_ENTRIES, DomainConfig.DEFAULT_UITT);
    }

    /** A group with the default receivers (16,384) and the given table and shared UITT sizes. */
    BenchGroup(final String name, final int entries, final int uittEntries) {
        final Path root = Paths.get("/dev/shm", "uipc-bench-" + ProcessHandle.current().pid());
        group = ProcessGroup.create(GroupSpec.named(name + "-" + COUNTER.incrementAndGet()).withRoot(root)
            .withCapacities(entries, DomainConfig.DEFAULT_UPIDS, uittEntries));
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
