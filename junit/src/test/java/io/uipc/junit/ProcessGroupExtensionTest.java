package io.uipc.junit;

import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The JUnit 5 extension, used as other modules would use it, and its teardown after failures. */
@ProcessGroupTest
@Timeout(90)
class ProcessGroupExtensionTest {
    private static final String INNER = "uipc.test.inner";

    @Test
    void launchSendReadStateAndKill(final GroupHandle group) throws Exception {
        group.launch(ProcessSpec.of("a", EchoMember.class).args("9"), ProcessSpec.of("b", EchoMember.class));
        assertTrue(SendResult.isPosted(group.send("a", 9)));
        group.awaitOutput("a", "got vector 9");

        final MemberInfo a = group.state("a").orElseThrow();
        assertEquals(MemberState.ACTIVE, a.state());
        assertEquals(group.member("a").pid(), a.pid());
        assertTrue(a.uittIndices().stream().anyMatch(vi -> vi.startsWith("9:")), a::toString);

        final Path dir = group.directory();
        group.kill("b");
        assertEquals(137, group.member("b").awaitExit(Duration.ofSeconds(30)).orElseThrow());
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (group.state("b").isPresent()) {
            assertTrue(System.nanoTime() < deadline, "the launcher's reaper never freed b's entry");
            Thread.onSpinWait();
        }
        assertThrows(UipcException.class, () -> group.send("b", 0));
        assertTrue(group.state("a").isPresent(), "a survives b's death (on-failure = continue)");

        assertEquals(1, group.stop(), "b's SIGKILL counts as a failure");
        assertFalse(group.member("a").isAlive());
        assertEquals(0, group.member("a").exitCode().orElseThrow());
        assertFalse(Files.exists(dir), "group removed");
    }

    @Test
    @ProcessGroupTest(spec = "/specs/pair.toml")
    void launchesFromASpec(final GroupHandle group) throws Exception {
        assertEquals(List.of("x-1", "x-2"), group.members().stream().map(m -> m.name()).collect(Collectors.toList()));
        assertEquals("pair", group.state("x-2").orElseThrow().role());
        assertTrue(SendResult.isPosted(group.send("x-2", 12)));
        group.awaitOutput("x-2", "got vector 12");
        assertEquals(0, group.stop());
    }

    @Test
    void tearsDownAfterAFailingAndATimedOutTest() {
        Inner.DIRS.clear();
        Inner.PIDS.clear();
        final LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(Inner.class)).configurationParameter(INNER, "true").build();
        final SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        final TestExecutionSummary summary = listener.getSummary();

        assertEquals(2, summary.getTestsFailedCount());
        final String failures = summary.getFailures().stream().map(f -> f.getException().toString()).collect(Collectors.joining("; "));
        assertTrue(failures.contains("intentional failure"), failures);
        assertTrue(failures.contains("timed out"), failures);
        assertEquals(2, Inner.DIRS.size(), "both inner tests launched");
        for (final Path dir : Inner.DIRS) {
            assertFalse(Files.exists(dir), () -> dir + " left behind");
        }
        for (final long pid : Inner.PIDS) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), () -> "member pid " + pid + " left running");
        }
    }

    /**
     * @param context the inner test's context
     * @return whether the inner tests run: only when launched by {@link #tearsDownAfterAFailingAndATimedOutTest}
     */
    static boolean innerRun(final ExtensionContext context) {
        return context.getConfigurationParameter(INNER).isPresent();
    }

    /** Tests that fail on purpose, run only through the JUnit Platform launcher above. */
    @ProcessGroupTest
    @EnabledIf("io.uipc.junit.ProcessGroupExtensionTest#innerRun")
    static class Inner {
        static final List<Path> DIRS = new CopyOnWriteArrayList<>();
        static final List<Long> PIDS = new CopyOnWriteArrayList<>();

        private static void record(final GroupHandle group) {
            DIRS.add(group.directory());
            group.members().forEach(m -> PIDS.add(m.pid()));
        }

        @Test
        void fails(final GroupHandle group) {
            group.launch(ProcessSpec.of("victim", EchoMember.class).count(2));
            record(group);
            fail("intentional failure");
        }

        @Test
        @Timeout(5)
        void timesOut(final GroupHandle group) throws InterruptedException {
            group.launch(ProcessSpec.of("sleeper", EchoMember.class));
            record(group);
            new CountDownLatch(1).await();
        }
    }
}
