package io.uipc.table;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Base of tests that each need one fresh group under their own temporary root in /dev/shm, deleted after each test. */
abstract class OneGroupTest {
    private final String name;
    private final int entries;
    private final int receivers;
    private final int uitt;
    @TempDir(factory = SharedMemoryTempDir.class)
    Path root;
    ProcessGroup group;
    String secret;

    OneGroupTest(final String name, final int entries, final int receivers, final int uitt) {
        this.name = name;
        this.entries = entries;
        this.receivers = receivers;
        this.uitt = uitt;
    }

    @BeforeEach
    void createGroup() {
        group = ProcessGroup.create(spec(name, entries, receivers, uitt));
        secret = group.readSecret();
    }

    @AfterEach
    void closeGroup() {
        group.close();
    }

    /**
     * Joins on a thread of its own, which registers the member's receiver and ends: a thread has
     * at most one open receiver per domain, so a test that holds several members joins them so.
     */
    Member joinOnOwnThread(final JoinOptions options) {
        return CompletableFuture.supplyAsync(() -> group.join(options), task -> new Thread(task, options.name()).start()).join();
    }

    /** A spec for another group under this test's root, with the given name and capacities. */
    GroupSpec spec(final String groupName, final int entryCapacity, final int receiverCapacity, final int uittCapacity) {
        return GroupSpec.named(groupName).withRoot(root).withCapacities(entryCapacity, receiverCapacity, uittCapacity);
    }
}
