package io.uipc.cli;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.table.ProcessTableDescriptor;
import io.uipc.table.mailbox.InboxDescriptor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code uipc --version}: the build's version (the pom's) and git commit, then the layout version of
 * each shared file it reads (issue 12 item 5, issue 13).
 */
class VersionTest {
    private static final Path ROOT = Paths.get(System.getProperty("uipc.repo.root", "..")).toAbsolutePath().normalize();

    private static String version() {
        final PrintStream stdout = System.out;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, UipcCommand.run("--version"));
        } finally {
            System.setOut(stdout);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@return {@code git rev-parse --short HEAD} in the checkout, or null outside a checkout or without git (the build then says "unknown")} */
    private static String gitHead() throws IOException, InterruptedException {
        if (!Files.exists(ROOT.resolve(".git"))) {
            return null;
        }
        final Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(ROOT.toFile()).start();
        } catch (final IOException noGit) {
            return null;
        }
        final String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS));
        return git.exitValue() == 0 ? head : null;
    }

    @Test
    void versionNamesThePomsVersionTheCommitAndEveryLayoutItReads() throws Exception {
        final String pomVersion = System.getProperty("uipc.project.version");
        assertNotNull(pomVersion, "the pom passes uipc.project.version");
        final String head = gitHead();
        assertEquals("uipc " + pomVersion + " (commit " + (head == null ? "unknown" : head) + ")" + System.lineSeparator()
            + "layout versions read: domain " + DomainHeaderDescriptor.LAYOUT_VERSION + ", process table "
            + ProcessTableDescriptor.LAYOUT_VERSION + ", inbox " + InboxDescriptor.LAYOUT_VERSION + System.lineSeparator(),
            version());
    }
}
