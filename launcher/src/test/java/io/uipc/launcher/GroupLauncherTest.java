package io.uipc.launcher;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.testapp.ScriptedMember;
import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways a launch ends, with real member JVMs: through a supervisor running on another
 * thread, by a stop requested before the members are ready, and by the shutdown hook when the
 * launcher's JVM exits without stopping the group.
 */
@Timeout(120)
class GroupLauncherTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LaunchSpec ONE_MEMBER = LaunchSpec.of(ProcessSpec.of("a", ScriptedMember.class));

    @TempDir
    Path temp;

    @Test
    void shutdownFromAnotherThreadStopsTheGroupThroughItsSupervisorOnce() throws Exception {
        final Output out = new Output();
        final Path root = temp.resolve("groups");
        final GroupLauncher launcher = GroupLauncher.start(ONE_MEMBER, options(root, out));
        final Path dir = launcher.group().directory();
        final FutureTask<Integer> supervised = new FutureTask<>(launcher::supervise);
        new Thread(supervised, "test-supervisor").start();
        out.await("supervising 1 members (Ctrl-C or SIGTERM stops the group)");

        assertEquals(0, launcher.shutdown(), out::text);
        assertEquals(0, supervised.get(WAIT.toSeconds(), TimeUnit.SECONDS), out::text);
        launcher.close();

        final String text = out.text();
        assertTrue(text.contains("uipc | stop requested"), text);
        assertTrue(text.contains("stopping 1 members: shutdown vector 0 to a; grace period 5000 ms"), text);
        assertEquals(1, count(text, "all members stopped"), text);
        assertEquals(1, count(text, " destroyed"), text);
        assertEquals(0, launcher.member("a").exitCode().orElseThrow(), text);
        assertFalse(Files.exists(dir), "group removed");
        assertFalse(Files.exists(root), "the root the launch made is removed");
    }

    @Test
    void aStopRequestedBeforeTheMembersAreReadyEndsTheStartAndLeavesNothing() throws Exception {
        final Output out = new Output();
        final Path root = temp.resolve("groups");
        final GroupLauncher launcher = GroupLauncher.of(ONE_MEMBER, options(root, out));
        launcher.requestShutdown();

        final LaunchException e = assertThrows(LaunchException.class, launcher::start);
        assertEquals("stop requested while waiting for a to register", e.getMessage());
        assertFalse(launcher.member("a").isAlive(), out::text);
        assertFalse(Files.exists(root), out::text);
        assertEquals(1, count(out.text(), " destroyed"), out::text);
        launcher.close();
        assertEquals(1, count(out.text(), " destroyed"), out::text);
    }

    @Test
    void theShutdownHookKillsTheMembersAndRemovesTheGroupWhenTheLauncherJvmExits() throws Exception {
        final Path root = temp.resolve("groups");
        final String text;
        try (JvmProcess launcher = JvmProcess.builder("launcher", ExitingLauncher.class).jvmOptions(List.of())
                .args(root.toString()).start()) {
            final int code = launcher.waitFor(WAIT);
            text = launcher.output();
            assertEquals(0, code, text);
        }

        final long pid = Long.parseLong(find(text, "member (\\d+)"));
        final Path dir = Paths.get(find(text, "group (/\\S+)"));
        ProcessHandle.of(pid).ifPresent(member -> member.onExit().join());
        assertTrue(text.contains("group " + dir.getFileName() + " destroyed"), text);
        assertFalse(Files.exists(dir), text);
        assertFalse(Files.exists(root), text);
    }

    private static LaunchOptions options(final Path root, final Output out) {
        return LaunchOptions.defaults().root(root).out(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static int count(final String text, final String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }

    private static String find(final String text, final String regex) {
        final Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), () -> "no '" + regex + "' in: " + text);
        return m.group(1);
    }

    /** The launch's output, with a wait for a fragment of it. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(final int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(final byte[] b, final int off, final int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void await(final String fragment) throws InterruptedException, IOException {
            final long deadline = System.nanoTime() + WAIT.toNanos();
            while (!text().contains(fragment)) {
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no '" + fragment + "' within " + WAIT + "; output:\n" + text());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
