package io.uipc.table.mailbox.bench;

import io.uipc.core.DomainConfig;
import io.uipc.core.internal.FileTrees;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary group for a benchmark harness, under a fresh directory in the shared-memory
 * directory; closing destroys the group and removes the directory.
 */
public final class BenchGroup implements AutoCloseable {
    private final Path root;
    private final ProcessGroup group;
    private final String secret;

    /**
     * Creates the group, with a fresh secret, under a new temporary directory.
     *
     * @param name group name
     */
    public BenchGroup(final String name) {
        try {
            root = Files.createTempDirectory(DomainConfig.defaultDirectory(), "uipc-bench-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        group = ProcessGroup.create(GroupSpec.named(name).withRoot(root).withCapacities(64, 256, 1024));
        secret = group.readSecret();
    }

    /** {@return the group} */
    public ProcessGroup group() {
        return group;
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
