package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import io.uipc.launcher.testapp.ScriptedMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 8 through the real CLI: {@code uipc launch --group G} on a group whose secret is
 * a FIFO or a link to /dev/zero (planted before the launch) ends within a deadline with one
 * line naming the file, never a hang, an OutOfMemoryError or a stack trace.
 */
@Timeout(120)
class HostileGroupFilesCliTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path specs;
    private Cli cli;

    @BeforeEach
    void setUp(final TestInfo info) {
        cli = new Cli(info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void tearDown() throws Exception {
        cli.close();
    }

    private void assertLaunchRefused(final String expected) throws Exception {
        final Path spec = Files.writeString(specs.resolve("g.toml"),
            "[[member]]\nname = \"m\"\nmain = \"" + ScriptedMember.class.getName() + "\"\n");
        final Cli.Running launch = cli.start("launch", spec.toString(), "--group", "g");
        assertEquals(1, launch.awaitExit(DEADLINE), launch::toString);
        assertTrue(launch.stderr().contains(expected), launch::toString);
        assertEquals(1, launch.stderr().strip().lines().count(), launch::toString);
        assertFalse(launch.stderr().contains("\tat ") || launch.stderr().contains("OutOfMemoryError"), launch::toString);
    }

    @Test
    void launchIntoAGroupWhoseSecretIsAFifoOrALinkToDevZeroFailsAtOnceInOneLine() throws Exception {
        assertEquals(0, cli.run("create", "g", "--entries", "16", "--receivers", "16", "--uitt", "64").exitCode());
        final Path secret = cli.root().resolve("g").resolve("secret");
        Files.delete(secret);
        assertEquals(0, new ProcessBuilder("mkfifo", "-m", "600", secret.toString()).start().waitFor());
        assertLaunchRefused("group secret " + secret + " is not a regular file but a FIFO, socket or device: refused");

        Files.delete(secret);
        Files.createSymbolicLink(secret, Paths.get("/dev/zero"));
        assertLaunchRefused("group secret " + secret + " is not a regular file but a symbolic link: refused");
    }
}
