package io.uipc.examples;

import io.uipc.table.ProcessGroup;
import io.uipc.table.testing.ChildProcess;
import io.uipc.table.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the examples' tests: a fresh group under a temporary directory, and member JVMs
 * started with the environment {@code uipc launch} would give them. Everything is removed after.
 */
abstract class ExampleGroupTest {
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path root;
    ProcessGroup group;
    private final List<ChildProcess> children = new ArrayList<>();

    @BeforeEach
    void createGroup() {
        group = TestGroups.create(root, "example");
    }

    @AfterEach
    void destroyGroup() {
        children.forEach(ChildProcess::close);
        group.close();
        ProcessGroup.destroy(group.directory(), true);
    }

    ChildProcess member(final String name, final String role, final Class<?> main, final String... args) {
        final ChildProcess child = ChildProcess.start(name, main, TestGroups.env(group, name, role), args);
        children.add(child);
        return child;
    }
}
