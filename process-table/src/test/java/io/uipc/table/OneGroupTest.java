package io.uipc.table;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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

    /** A spec for another group under this test's root, with the given name and capacities. */
    GroupSpec spec(final String groupName, final int entryCapacity, final int receiverCapacity, final int uittCapacity) {
        return GroupSpec.named(groupName).withRoot(root).withCapacities(entryCapacity, receiverCapacity, uittCapacity);
    }
}
