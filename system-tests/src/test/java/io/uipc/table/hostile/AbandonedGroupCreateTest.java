package io.uipc.table.hostile;

import io.uipc.core.internal.TemporaryNames;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.StopWhileCreating;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A user's JVM SIGKILLed while it creates a group (stopped by {@code SharedDirectory}'s step hook
 * inside the half-built directory, the group's secret on its way in) leaves
 * {@code .NAME.creating-PID-N-NS} in the shared root. A later create removes it once it is a
 * minute old by its stamp (the test ages it by renaming it with an older stamp), and only a
 * create by its owner can: another user's create leaves it (the root is sticky) and still
 * succeeds. A creator whose pid lives keeps its name, however old. Real second users.
 */
@Timeout(120)
class AbandonedGroupCreateTest {
    @Test
    void aHalfBuiltGroupOfADeadCreatorIsRemovedByItsOwnersNextCreateOnceAMinuteOld() throws Exception {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
        try (OtherUser alice = OtherUser.create("alice"); OtherUser bob = OtherUser.create("bob");
             TempGroups groups = new TempGroups("abandonedroot")) {
            Files.setPosixFilePermissions(groups.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            final Path root = groups.root().resolve("uipc");
            create(root, "first");
            final String left;
            try (JvmProcess a = JvmProcess.builder("alice", GroupsChild.class).asUser(alice).start()) {
                a.call("createstuck " + root + " g");
                final Path created = StopWhileCreating.awaitIn(a);
                a.kill();
                left = root.relativize(created).getName(0).toString();
            }
            assertTrue(Files.isDirectory(root.resolve(left), LinkOption.NOFOLLOW_LINKS), left);
            assertEquals(alice.uid(), Files.getAttribute(root.resolve(left), "unix:uid"));
            final String live = older(TemporaryNames.creating("h"));
            Files.createDirectory(root.resolve(live));

            create(root, "fresh");
            assertEquals(List.of(left, live, "first", "fresh"), names(root), "under a minute old: left");

            final String aged = older(left);
            Files.move(root.resolve(left), root.resolve(aged));
            try (JvmProcess b = JvmProcess.builder("bob", GroupsChild.class).asUser(bob).start();
                 JvmProcess a = JvmProcess.builder("alice", GroupsChild.class).asUser(alice).start()) {
                assertEquals("created", b.call("create " + root + " b"));
                assertEquals(List.of(aged, live, "b", "first", "fresh"), names(root), "bob cannot remove alice's");
                assertEquals("created", a.call("create " + root + " a"));
            }
            assertEquals(List.of(live, "a", "b", "first", "fresh"), names(root), "alice's next create removed it; a live creator's stays");
        }
    }

    private static void create(final Path root, final String name) {
        ProcessGroup.create(GroupSpec.named(name).withRoot(root).withCapacities(8, 8, 64)).close();
    }

    /** The same name with a stamp 61 s earlier: as if it had been made over a minute ago. */
    private static String older(final String name) {
        final long stamp = TemporaryNames.createdNanos(name);
        final String aged = name.substring(0, name.lastIndexOf('-') + 1) + (stamp - TimeUnit.SECONDS.toNanos(61));
        assertEquals(stamp - TimeUnit.SECONDS.toNanos(61), TemporaryNames.createdNanos(aged));
        return aged;
    }

    private static List<String> names(final Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
