package io.uipc.core.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The multi-JVM helper fails loudly and promptly, quotes the child's output, and leaves no child behind. */
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
    void closeEndsTheChild() {
        final JvmProcess child = JvmProcess.start("echo", EchoProcess.class);
        child.call("echo up");
        child.close();
        assertFalse(child.isAlive());
        assertFalse(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false));
    }
}
