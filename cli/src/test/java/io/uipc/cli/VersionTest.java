package io.uipc.cli;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.table.ProcessTableDescriptor;
import io.uipc.table.mailbox.InboxDescriptor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code uipc --version}: the build and the layout version of each shared file it reads (issue 12 item 5). */
class VersionTest {
    @Test
    void versionNamesTheBuildAndEveryLayoutItReads() {
        final PrintStream stdout = System.out;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = UipcCommand.run("--version");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code);
        assertEquals("uipc " + UipcVersion.BUILD + System.lineSeparator()
            + "layout versions read: domain " + DomainHeaderDescriptor.LAYOUT_VERSION + ", process table "
            + ProcessTableDescriptor.LAYOUT_VERSION + ", inbox " + InboxDescriptor.LAYOUT_VERSION + System.lineSeparator(),
            out.toString(StandardCharsets.UTF_8));
    }
}
