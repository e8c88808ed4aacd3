package io.uipc.examples;

import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the examples' tests: a fresh group, a temporary directory for the test's files, and
 * member JVMs started with the environment {@code uipc launch} would give them. Everything is
 * removed after.
 */
abstract class ExampleGroupTest {
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path root;
    ProcessGroup group;
    private TempGroups groups;
    private final List<JvmProcess> children = new ArrayList<>();

    @BeforeEach
    void createGroup() {
        groups = new TempGroups();
        group = groups.create("example");
    }

    @AfterEach
    void destroyGroup() {
        children.forEach(JvmProcess::close);
        group.close();
        groups.close();
    }

    JvmProcess member(final String name, final String role, final Class<?> main, final String... args) {
        final JvmProcess child = JvmProcess.builder(name, main).environment(TempGroups.memberEnvironment(group, name, role)).args(args).start();
        children.add(child);
        return child;
    }
}
