package io.uipc.table.hostile;

import io.uipc.core.LayoutException;
import io.uipc.table.GroupFileNames;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 11 item 8: a group's secret that is a FIFO (reading it would block forever), a link to
 * /dev/zero (reading it would never end) or a huge file, planted before the read, is refused at
 * once with one line naming the file.
 */
@Timeout(60)
class HostileSecretTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static String refusal(final ProcessGroup group) {
        return assertTimeoutPreemptively(DEADLINE, () -> assertThrows(LayoutException.class, group::readSecret)).getMessage();
    }

    @Test
    void aFifoALinkToDevZeroOrAHugeSecretIsRefusedAtOnce() throws Exception {
        try (TempGroups groups = new TempGroups("secret"); ProcessGroup group = groups.create("g")) {
            final Path secret = group.directory().resolve(GroupFileNames.SECRET);
            Files.delete(secret);
            assertEquals(0, new ProcessBuilder("mkfifo", "-m", "600", secret.toString()).start().waitFor());
            assertEquals("group secret " + secret + " is not a regular file but a FIFO, socket or device: refused", refusal(group));

            Files.delete(secret);
            Files.createSymbolicLink(secret, Paths.get("/dev/zero"));
            assertEquals("group secret " + secret + " is not a regular file but a symbolic link: refused", refusal(group));

            Files.delete(secret);
            Files.write(secret, new byte[1 << 20]);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            assertEquals("group secret " + secret + " is 1048576 bytes, larger than any valid group secret (4096 bytes)",
                refusal(group));
        }
    }
}
