package io.uipc.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child-JVM driver fails loudly and promptly, quotes the child's output, leaves no child
 * behind, gives children the environment asked for, and signals them without forking.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JvmProcessTest {
    @Test
    void callReturnsTheReplyText() {
        try (JvmProcess child = JvmProcess.start("echo", EchoProcess.class)) {
            assertEquals("hello world", child.call("echo hello world"));
            assertTrue(child.isAlive());
        }
    }

    @Test
    void timeoutFailsWithRecentOutputAndKillsTheChild() {
        try (JvmProcess child = JvmProcess.start("echo", EchoProcess.class)) {
            child.call("echo marker-42");
            final AssertionError e = assertThrows(AssertionError.class, () -> child.expect("never printed", Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("no line starting with 'never printed'"), e.getMessage());
            assertTrue(e.getMessage().contains("echo marker-42"), "quotes the child's output: " + e.getMessage());
            assertFalse(child.isAlive(), "killed on timeout");
        }
    }

    @Test
    void exitFailsAtOnceWithTheExitCode() {
        try (JvmProcess child = JvmProcess.start("echo", EchoProcess.class)) {
            child.send("exit 3");
            final AssertionError e = assertThrows(AssertionError.class, () -> child.expect("never printed", Duration.ofMinutes(5)));
            assertTrue(e.getMessage().contains("output ended") && e.getMessage().contains("exit code 3"), e.getMessage());
        }
    }

    @Test
    void errorReplyFailsTheCall() {
        try (JvmProcess child = JvmProcess.start("echo", EchoProcess.class)) {
            final AssertionError e = assertThrows(AssertionError.class, () -> child.call("bogus"));
            assertTrue(e.getMessage().contains("error bogus unknown command"), e.getMessage());
            assertTrue(child.call("echo still serving").equals("still serving"));
        }
    }

    @Test
    void aPartnersExitFailsTheWaitAtOnceQuotingThePartner() {
        try (JvmProcess ping = JvmProcess.start("ping", EchoProcess.class);
             JvmProcess pong = JvmProcess.start("pong", EchoProcess.class)) {
            pong.call("echo pong-marker");
            pong.send("exit 5");
            final AssertionError e = assertThrows(AssertionError.class,
                () -> ping.expect("never printed", Duration.ofMinutes(5), pong));
            assertTrue(e.getMessage().contains("child JVM pong") && e.getMessage().contains("exit code 5"), e.getMessage());
            assertTrue(e.getMessage().contains("while ping waited for a line starting with 'never printed'"), e.getMessage());
            assertTrue(e.getMessage().contains("echo pong-marker"), "quotes the partner's output: " + e.getMessage());
            assertTrue(ping.isAlive(), "the waiting child is left to its caller");
            assertEquals("still serving", ping.call("echo still serving"), "a later wait is not disturbed");
        }
    }

    @Test
    void aLineComesWhileThePartnerLives() {
        try (JvmProcess ping = JvmProcess.start("ping", EchoProcess.class)) {
            try (JvmProcess pong = JvmProcess.start("pong", EchoProcess.class)) {
                ping.send("echo hello");
                assertEquals("echo hello", ping.expect("echo", JvmProcess.DEFAULT_TIMEOUT, pong));
            }
            assertEquals("after", ping.call("echo after"), "the partner's later exit does not disturb other waits");
        }
    }

    @Test
    void closeEndsTheChild() {
        final JvmProcess child = JvmProcess.start("echo", EchoProcess.class);
        child.call("echo up");
        child.close();
        assertFalse(child.isAlive());
        assertFalse(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void theChildInheritsThisEnvironmentWithVariablesSetAndRemoved() {
        try (JvmProcess child = JvmProcess.builder("env", EchoProcess.class)
            .environment(Map.of("UIPC_TEST_SET", "set by the test", "UIPC_TEST_REMOVED", "never seen"))
            .withoutEnvironment("UIPC_TEST_REMOVED")
            .withoutEnvironment("HOME")
            .start()) {
            assertEquals("set by the test", child.call("env UIPC_TEST_SET"));
            assertEquals("null", child.call("env UIPC_TEST_REMOVED"));
            assertEquals("null", child.call("env HOME"), "an inherited variable removed");
            assertEquals(System.getenv("PATH"), child.call("env PATH"), "the rest inherited");
        }
    }

    @Test
    void waitForReturnsTheExitCodeWithAllTheOutput() {
        try (JvmProcess child = JvmProcess.start("echo", EchoProcess.class)) {
            child.send("count 2000").send("exit 4");
            assertEquals(4, child.waitFor(Duration.ofSeconds(15)));
            assertTrue(child.output().endsWith("n 2000" + System.lineSeparator() + "count"), "read to the end: " + child.output().length() + " chars");
            assertEquals(Optional.of("n 2000"), child.poll("n 2000"));
            assertEquals(Optional.empty(), child.poll("n 2000"), "a line is taken once");
        }
    }

    @Test
    void stopFreezesTheChildAndContResumesIt() throws IOException {
        final JvmProcess child = JvmProcess.start("echo", EchoProcess.class);
        child.call("echo up");
        child.signal(Signal.STOP);
        awaitState(child.pid(), 'T');
        child.signal(Signal.CONT);
        assertEquals("resumed", child.call("echo resumed"));
        child.signal(Signal.STOP);
        awaitState(child.pid(), 'T');
        final long closing = System.nanoTime();
        child.close();
        assertFalse(child.isAlive());
        assertTrue(System.nanoTime() - closing < JvmProcess.EXIT_GRACE.toNanos(), "a stopped child is killed at once");
    }

    /** Polls /proc until the process is in {@code state}: the kernel stops it soon after kill(2) returns. */
    private static void awaitState(final long pid, final char state) throws IOException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (;;) {
            final String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            final char now = stat.charAt(stat.lastIndexOf(')') + 2);
            if (now == state) {
                return;
            }
            assertTrue(System.nanoTime() - deadline < 0, "pid " + pid + " still in state " + now + ", not " + state);
            Thread.yield();
        }
    }
}
