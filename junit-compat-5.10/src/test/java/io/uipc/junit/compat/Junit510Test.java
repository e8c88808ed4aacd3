package io.uipc.junit.compat;

import io.uipc.junit.GroupHandle;
import io.uipc.junit.GroupScope;
import io.uipc.junit.ProcessGroupTest;
import io.uipc.launcher.spec.ProcessSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * uipc-junit on JUnit 5.10, which closes only {@code ExtensionContext.Store.CloseableResource}
 * store values (not {@code AutoCloseable} ones): groups per method and per class are removed and
 * their members stopped, after a failing test too.
 */
@ProcessGroupTest
@Timeout(90)
class Junit510Test {
    private static final String INNER = "uipc.test.compat";
    private static final List<Path> DIRS = new CopyOnWriteArrayList<>();
    private static final List<Long> PIDS = new CopyOnWriteArrayList<>();

    @Test
    void runsOnJunit510() {
        final String version = Test.class.getPackage().getImplementationVersion();
        assertTrue(version != null && version.startsWith("5.10."), "JUnit Jupiter on the class path: " + version);
    }

    @Test
    void launchesAGroupNamedAfterTheTest(final GroupHandle group) {
        group.launch(ProcessSpec.of("m", CompatMember.class));
        assertTrue(group.group().name().startsWith("Junit510Test-launchesAGroupNamedAfterTheTest-"), group.name());
        assertTrue(group.state("m").isPresent());
    }

    @Test
    void removesGroupsAfterAFailingTestAndAfterTheClass() {
        DIRS.clear();
        PIDS.clear();
        final TestExecutionSummary failing = run(FailingPerMethod.class);
        final TestExecutionSummary perClass = run(PerClass.class);
        assertEquals(1, failing.getTestsFailedCount());
        assertEquals(1, perClass.getTestsSucceededCount());
        assertEquals(2, DIRS.size(), DIRS::toString);
        for (final Path dir : DIRS) {
            assertFalse(Files.exists(dir), () -> dir + " left behind");
        }
        for (final long pid : PIDS) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), () -> "member pid " + pid + " left running");
        }
    }

    private static TestExecutionSummary run(final Class<?> inner) {
        final LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(inner)).configurationParameter(INNER, "true").build();
        final SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    private static void record(final GroupHandle group) {
        DIRS.add(group.directory());
        group.members().forEach(m -> PIDS.add(m.pid()));
    }

    /**
     * @param context the inner test's context
     * @return whether the inner tests run: only when launched by this class's tests
     */
    static boolean innerRun(final ExtensionContext context) {
        return context.getConfigurationParameter(INNER).isPresent();
    }

    /** A test that fails with its group launched. */
    @ProcessGroupTest
    @EnabledIf("io.uipc.junit.compat.Junit510Test#innerRun")
    static class FailingPerMethod {
        @Test
        void fails(final GroupHandle group) {
            group.launch(ProcessSpec.of("m", CompatMember.class));
            record(group);
            fail("intentional failure");
        }
    }

    /** A group per class, launched in {@code @BeforeAll}. */
    @ProcessGroupTest(scope = GroupScope.CLASS)
    @EnabledIf("io.uipc.junit.compat.Junit510Test#innerRun")
    static class PerClass {
        @BeforeAll
        static void launch(final GroupHandle group) {
            group.launch(ProcessSpec.of("m", CompatMember.class));
        }

        @Test
        void uses(final GroupHandle group) {
            record(group);
        }
    }
}
