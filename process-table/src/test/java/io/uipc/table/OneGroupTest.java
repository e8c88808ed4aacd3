package io.uipc.table;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that each need one fresh group under their own {@link TempGroups} root, deleted after each test. */
abstract class OneGroupTest {
    private final String name;
    private final int entries;
    private final int receivers;
    private final int uitt;
    TempGroups groups;
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
        groups = new TempGroups();
        group = groups.create(name, entries, receivers, uitt);
        secret = group.readSecret();
    }

    @AfterEach
    void deleteGroup() {
        group.close();
        groups.close();
    }
}
