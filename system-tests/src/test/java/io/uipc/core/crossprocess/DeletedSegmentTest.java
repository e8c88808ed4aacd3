package io.uipc.core.crossprocess;

import io.uipc.core.DomainLayoutException;
import io.uipc.core.InterruptDomain;
import io.uipc.core.SendResult;
import io.uipc.core.WaitPolicy;
import io.uipc.core.emulated.EmulatedDomain;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.uipc.core.crossprocess.SendCodes.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another process creates a segment and deletes it: attaching afterwards is a clear error,
 * while a process that attached before keeps a working mapping of the unlinked file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeletedSegmentTest {
    @Test
    void attachingAnotherProcesssDeletedSegmentFailsClearly() {
        try (TempGroups groups = new TempGroups()) {
            final Path file = groups.root().resolve("deleted");
            try (RemoteReceiver owner = RemoteReceiver.of(
                JvmProcess.start("owner", ReceiverProcess.class, "create", file.toString(), "4", "16"))) {
                owner.open(WaitPolicy.SPIN_YIELD_BLOCK);
                final long handle = owner.register(4);
                final InterruptDomain early = EmulatedDomain.attach(file);

                assertTrue(owner.deleteDomainFile());
                assertFalse(Files.exists(file));
                final DomainLayoutException e = assertThrows(DomainLayoutException.class, () -> EmulatedDomain.attach(file));
                assertEquals("no interrupt domain at " + file + " (deleted, or never created)", e.getMessage());

                assertCode(SendResult.NOTIFIED, early.send(handle));
                assertEquals(1L << 4, owner.poll(), "an earlier attachment still reaches the owner");
                early.close();
            }
        }
    }
}
