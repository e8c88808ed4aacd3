package io.uipc.table;

import io.uipc.core.SendResult;
import io.uipc.core.spi.DomainMaintenance;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 item 18: a live member in another pid namespace (a container sharing /dev/shm), whose
 * pid the reaper cannot see, keeps its entry and its UPID through a full reap, orphan sweep
 * included: its liveness lock proves it alive. The member runs in a real new pid namespace
 * ({@code unshare --pid}, as root), with its pid chosen to be one that does not exist here.
 */
@Timeout(120)
class PidNamespaceTest {
    private static final int VECTOR = 5;
    private static final String MASK = Long.toHexString(1L << VECTOR);

    @Test
    void aLiveMemberWhosePidTheReaperCannotSeeKeepsItsUpid() throws Exception {
        assumeTrue(unshareWorks(), "needs root and unshare(1) with pid namespaces");
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("ns", 4, 4, 16);
             JvmProcess hidden = inNewPidNamespace(invisiblePid() - 1)) {
            final String secret = group.readSecret();
            final long pid = Long.parseLong(hidden.call("attach " + group.directory()));
            assertTrue(ProcessHandle.of(pid).isEmpty(), "the member's pid " + pid + " is not visible here");
            final int upid = Integer.parseInt(hidden.call("join hidden " + secret + " -1 " + VECTOR).split(" ")[2]);
            assertEquals(pid, DomainMaintenance.of(group.domain()).upidOwnerPid(upid), "its UPID names a pid this process cannot see");

            for (int sweep = 0; sweep < 2; sweep++) {
                final ReapReport report = group.reapDead();
                assertEquals(List.of(), report.members(), "a live member is not reaped");
                assertEquals(0, report.orphans(), "its UPID is not an orphan");
            }
            assertEquals(pid, DomainMaintenance.of(group.domain()).upidOwnerPid(upid), "it keeps its UPID");
            assertEquals(List.of("hidden"), group.liveMemberNames());
            assertTrue(SendResult.isPosted(group.resolve("hidden", VECTOR).send()));
            hidden.send("collect " + MASK + " 30000");
            assertEquals(MASK, hidden.reply("collect"), "and still receives");
            assertTrue(hidden.call("stats").endsWith(" lost=no"), "it never lost its identity");
        }
    }

    /**
     * A member in a new pid namespace, started as that namespace's second process, so its pid
     * there is {@code lastPid + 1}.
     */
    private static JvmProcess inNewPidNamespace(final long lastPid) {
        return JvmProcess.builder("hidden", MemberChild.class).wrappedIn(List.of("unshare", "--pid", "--fork", "--kill-child",
            "--mount-proc", "sh", "-c", "echo " + lastPid + " > /proc/sys/kernel/ns_last_pid && \"$0\" \"$@\"")).start();
    }

    /** A pid no process of this namespace has, from the top of the range, where pids are rarely in use. */
    private static long invisiblePid() throws IOException {
        final long max = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).trim());
        for (long pid = max - 1; pid > 300; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
        throw new AssertionError("no free pid below " + max);
    }

    private static boolean unshareWorks() {
        try {
            final Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (final IOException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
