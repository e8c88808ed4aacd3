package io.uipc.benchmarks;

import io.uipc.core.DomainConfig;
import io.uipc.core.internal.FileTrees;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's temporary group, alone under a fresh directory in the shared-memory directory:
 * the JMH benchmarks join it in their own JVM, the cross-process harnesses start member JVMs in
 * it ({@link #start}). Closing destroys the group and removes the directory.
 */
public final class BenchGroup implements AutoCloseable {
    private final Path root;
    private final ProcessGroup group;
    private final String secret;

    /**
     * Creates a group in a new temporary directory under the default shared-memory directory.
     *
     * @param name        group name
     * @param entries     process-table entries
     * @param receivers   receivers (UPIDs)
     * @param uittEntries shared UITT entries
     */
    public BenchGroup(final String name, final int entries, final int receivers, final int uittEntries) {
        try {
            root = Files.createTempDirectory(DomainConfig.defaultDirectory(), "uipc-bench-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        group = ProcessGroup.create(GroupSpec.named(name).withRoot(root).withCapacities(entries, receivers, uittEntries));
        secret = group.readSecret();
    }

    /**
     * {@return a group with room for a harness's few member JVMs: 64 entries, 256 receivers, 1,024 UITT entries}
     *
     * @param name group name
     */
    public static BenchGroup small(final String name) {
        return new BenchGroup(name, 64, 256, 1024);
    }

    /**
     * {@return a group with the default capacities (4,096 entries, 16,384 receivers, 65,536 UITT entries)}
     *
     * @param name group name
     */
    public static BenchGroup defaultSized(final String name) {
        return new BenchGroup(name, GroupSpec.DEFAULT_ENTRIES, DomainConfig.DEFAULT_UPIDS, DomainConfig.DEFAULT_UITT);
    }

    /** {@return the group} */
    public ProcessGroup group() {
        return group;
    }

    /** {@return the group's secret, for members joining in this JVM} */
    public String secret() {
        return secret;
    }

    /**
     * {@return the started member JVM}
     *
     * @param name member name
     * @param main main class
     * @param args program arguments
     */
    public MemberJvm start(final String name, final Class<?> main, final String... args) {
        return MemberJvm.start(group, secret, name, main, args);
    }

    /** Reclaims members that ended without leaving (stopped by SIGTERM), so their names are free again. */
    public void reap() {
        group.reap();
    }

    @Override
    public void close() {
        group.close();
        ProcessGroup.destroy(group.directory(), true);
        try {
            FileTrees.delete(root);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
