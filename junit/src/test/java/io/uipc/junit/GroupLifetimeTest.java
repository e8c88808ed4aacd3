package io.uipc.junit;

import io.uipc.core.SendResult;
import io.uipc.launcher.spec.ProcessSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Group names and lifetimes: named after the test, one per method or one per class, removed when it ends. */
@ProcessGroupTest
@Timeout(90)
class GroupLifetimeTest {
    private static final String INNER = "uipc.test.lifetime";
    /** Per inner test method: the group directory it saw, and whether the previous method's group was gone by then. */
    private static final Map<String, Path> DIRS = new ConcurrentHashMap<>();
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();
    private static final List<Long> PIDS = new CopyOnWriteArrayList<>();
    private static final List<String> CHECKS = new CopyOnWriteArrayList<>();

    @Test
    void namesTheGroupAfterTheTest(final GroupHandle group) {
        assertTrue(group.name().matches("GroupLifetimeTest-namesTheGroupAfterTheTest-[0-9a-z]{6}"), group.name());
        group.launch(ProcessSpec.of("a", EchoMember.class).args("3"));
        assertEquals(group.name(), group.group().name());
        assertEquals(group.name(), group.directory().getFileName().toString());
        assertTrue(SendResult.isPosted(group.send("a", 3)));
    }

    @Test
    void aLongOrOddTestNameStillGivesAValidUniqueName() {
        final String a = GroupNames.of(GroupLifetimeTest.class, java.util.Optional.of("[1] name with spaces/and: ".repeat(5)));
        final String b = GroupNames.of(GroupLifetimeTest.class, java.util.Optional.of("[1] name with spaces/and: ".repeat(5)));
        assertEquals(64, a.length(), a);
        assertTrue(a.matches("GroupLifetimeTest--1--name-with-spaces-and--[-A-Za-z0-9]*-[0-9a-z]{6}"), a);
        assertNotEquals(a, b);
    }

    @Test
    void aGroupPerClassIsSharedByItsMethodsAndRemovedAfterTheClass() {
        final TestExecutionSummary summary = run(PerClass.class);
        assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
        assertEquals(DIRS.get("first"), DIRS.get("second"), "both methods saw one group");
        assertTrue(NAMES.get("first").matches("PerClass-[0-9a-z]{6}"), NAMES.get("first"));
        assertEquals(List.of("second: first's group still there"), CHECKS);
        assertGone(DIRS.get("first"));
    }

    @Test
    void aGroupPerMethodIsRemovedAfterEachMethod() {
        final TestExecutionSummary summary = run(PerMethod.class);
        assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
        assertNotEquals(DIRS.get("first"), DIRS.get("second"));
        assertTrue(NAMES.get("second").matches("PerMethod-second-[0-9a-z]{6}"), NAMES.get("second"));
        assertEquals(List.of("second: first's group gone"), CHECKS);
        assertGone(DIRS.get("second"));
    }

    private static TestExecutionSummary run(final Class<?> inner) {
        DIRS.clear();
        NAMES.clear();
        PIDS.clear();
        CHECKS.clear();
        final LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(inner)).configurationParameter(INNER, "true").build();
        final SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    private static String failures(final TestExecutionSummary summary) {
        return summary.getFailures().stream().map(f -> f.getException().toString()).reduce("", (x, y) -> x + "; " + y);
    }

    private static void assertGone(final Path dir) {
        assertFalse(Files.exists(dir), () -> dir + " left behind");
        assertFalse(PIDS.isEmpty());
        for (final long pid : PIDS) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), () -> "member pid " + pid + " left running");
        }
    }

    private static void record(final String test, final GroupHandle group) {
        DIRS.put(test, group.directory());
        NAMES.put(test, group.name());
        group.members().forEach(m -> PIDS.add(m.pid()));
        assertTrue(SendResult.isPosted(group.send("m", 4)));
    }

    /**
     * @param context the inner test's context
     * @return whether the inner tests run: only when launched by this class's tests
     */
    static boolean innerRun(final ExtensionContext context) {
        return context.getConfigurationParameter(INNER).isPresent();
    }

    /** One group for the class, launched in {@code @BeforeAll}. */
    @ProcessGroupTest(scope = GroupScope.CLASS)
    @EnabledIf("io.uipc.junit.GroupLifetimeTest#innerRun")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        @BeforeAll
        static void launch(final GroupHandle group) {
            group.launch(ProcessSpec.of("m", EchoMember.class).args("4"));
        }

        @Test
        @Order(1)
        void first(final GroupHandle group) {
            record("first", group);
        }

        @Test
        @Order(2)
        void second(final GroupHandle group) {
            CHECKS.add("second: first's group " + (Files.isDirectory(DIRS.get("first")) ? "still there" : "gone"));
            record("second", group);
        }
    }

    /** A group for each method. */
    @ProcessGroupTest
    @EnabledIf("io.uipc.junit.GroupLifetimeTest#innerRun")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethod {
        @Test
        @Order(1)
        void first(final GroupHandle group) {
            group.launch(ProcessSpec.of("m", EchoMember.class).args("4"));
            record("first", group);
        }

        @Test
        @Order(2)
        void second(final GroupHandle group) {
            CHECKS.add("second: first's group " + (Files.exists(DIRS.get("first")) ? "still there" : "gone"));
            group.launch(ProcessSpec.of("m", EchoMember.class).args("4"));
            record("second", group);
        }
    }
}
