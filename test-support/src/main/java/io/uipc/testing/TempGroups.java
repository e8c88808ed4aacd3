package io.uipc.testing;

import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.emulated.EmulatedDomain;
import io.uipc.core.internal.FileTrees;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test's own root directory for groups and bare interrupt domains, under
 * {@link DomainConfig#defaultDirectory()} (/dev/shm, where the real ones live), named so that
 * no other test and no other JVM uses it, and deleted with everything in it on
 * {@link #close()}. Close the groups and domains made here first (a try-with-resources that
 * opens this before them does).
 */
public final class TempGroups implements AutoCloseable {
    // capacities of create(String): entries, receivers (UPIDs) and shared UITT entries
    private static final int ENTRIES = 64;
    private static final int RECEIVERS = 256;
    private static final int UITT = 1024;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path root;
    private final AtomicInteger domains = new AtomicInteger();

    /** Makes a fresh root. */
    public TempGroups() {
        this("root");
    }

    /**
     * Makes a fresh root whose name says whose it is.
     *
     * @param label a word for the directory's name, such as the test's name
     */
    public TempGroups(final String label) {
        root = DomainConfig.defaultDirectory().resolve("uipc-test-" + ProcessHandle.current().pid() + "-" + label + "-"
            + COUNTER.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()));
        try {
            Files.createDirectories(root);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The root directory, for a group's {@code --dir} or a test's own files.
     *
     * @return the root directory
     */
    public Path root() {
        return root;
    }

    /**
     * A group spec under this root.
     *
     * @param name      the group's name
     * @param entries   process table entries
     * @param receivers UPID slots
     * @param uitt      shared UITT entries
     * @return the spec, to adjust further or create
     */
    public GroupSpec spec(final String name, final int entries, final int receivers, final int uitt) {
        return GroupSpec.named(name).withRoot(root).withCapacities(entries, receivers, uitt);
    }

    /**
     * Creates a group under this root.
     *
     * @param name      the group's name
     * @param entries   process table entries
     * @param receivers UPID slots
     * @param uitt      shared UITT entries
     * @return the new group, attached in this JVM
     */
    public ProcessGroup create(final String name, final int entries, final int receivers, final int uitt) {
        return ProcessGroup.create(spec(name, entries, receivers, uitt));
    }

    /**
     * Creates a group under this root with room for any test: 64 entries, 256 receivers and
     * 1,024 shared UITT entries.
     *
     * @param name the group's name
     * @return the new group, attached in this JVM
     */
    public ProcessGroup create(final String name) {
        return create(name, ENTRIES, RECEIVERS, UITT);
    }

    /**
     * Creates a bare emulated interrupt domain (no group around it) in a file under this root.
     *
     * @param upids UPID slots
     * @param uitt  shared UITT entries
     * @return the new domain, attached in this JVM; its {@link InterruptDomain#path()} is for child JVMs
     */
    public InterruptDomain createDomain(final int upids, final int uitt) {
        final Path file = root.resolve("domain-" + domains.incrementAndGet());
        return EmulatedDomain.create(DomainConfig.of(file).withCapacities(upids, uitt));
    }

    /**
     * The environment {@code uipc launch} gives a member, for {@link JvmProcessBuilder#environment}.
     *
     * @param group  the group
     * @param member the child's member name
     * @param role   its role
     * @return the variables naming the group, the member, its role and the group's secret
     */
    public static Map<String, String> memberEnvironment(final ProcessGroup group, final String member, final String role) {
        return GroupEnvironment.forChild(group, member, role, group.readSecret());
    }

    /** Deletes the root and everything in it. */
    @Override
    public void close() {
        try {
            FileTrees.delete(root);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
