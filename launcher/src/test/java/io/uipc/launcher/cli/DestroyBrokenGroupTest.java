package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import io.uipc.table.GroupFileNames;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code uipc destroy} of broken groups through the real CLI: a truncated table, files half
 * deleted, an empty directory. Plain destroy says the group is broken and suggests --force;
 * --force removes it and says what it removed; a member who is not the owner is refused before
 * anything is deleted.
 */
@Timeout(120)
class DestroyBrokenGroupTest {
    private static final List<String> FILES = List.of(GroupFileNames.DOMAIN, GroupFileNames.LOCKS, GroupFileNames.SECRET,
        GroupFileNames.TABLE);
    private Cli cli;

    @BeforeEach
    void setUp(final TestInfo info) {
        cli = new Cli(info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    private Path created(final String name, final String... options) throws Exception {
        final List<String> args = new ArrayList<>(List.of("create", name, "--entries", "8", "--receivers", "8", "--uitt", "64"));
        args.addAll(List.of(options));
        final Cli.Running r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        return cli.root().resolve(name);
    }

    private static List<String> filesIn(final Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTruncatedTableIsReportedBrokenAndForceRemovesIt() throws Exception {
        final Path dir = created("trunc");
        try (FileChannel table = FileChannel.open(dir.resolve(GroupFileNames.TABLE), StandardOpenOption.WRITE)) {
            table.truncate(16);
        }
        Cli.Running r = cli.run("destroy", "trunc");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc destroy: group trunc is broken (") && r.stderr().contains("truncated")
            && r.stderr().endsWith("destroy --force removes what is left of it"), r::toString);
        assertEquals(FILES, filesIn(dir), "refused: nothing deleted");

        r = cli.run("destroy", "trunc", "--force");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().startsWith("destroyed broken group trunc (")
            && r.stdout().endsWith("removed domain, locks, secret, table and its directory " + dir), r::toString);
        assertTrue(cli.groupsLeft().isEmpty(), r::toString);
    }

    @Test
    void halfDeletedAndEmptyGroupsAreRemovedByTheirOwnerWithForce() throws Exception {
        final Path half = created("half");
        Files.delete(half.resolve(GroupFileNames.TABLE));
        Files.delete(half.resolve(GroupFileNames.DOMAIN));
        Cli.Running r = cli.run("destroy", "half");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("group half is broken (") && r.stderr().contains("no process table"), r::toString);
        r = cli.run("destroy", "half", "--force");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().endsWith("removed locks, secret and its directory " + half), r::toString);

        final Path empty = created("empty");
        for (final String file : FILES) {
            Files.delete(empty.resolve(file));
        }
        r = cli.run("destroy", "empty", "--force");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().endsWith("removed its empty directory " + empty), r::toString);
        assertTrue(cli.groupsLeft().isEmpty(), r::toString);
    }

    @Test
    void aMemberWhoIsNotTheOwnerIsRefusedBeforeAnythingIsDeleted() throws Exception {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
        try (UnixGroup dba = UnixGroup.create("dba"); OtherUser oracle = OtherUser.create("oracle")) {
            dba.add(oracle);
            Files.setPosixFilePermissions(cli.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
            final Path dir = created("shared", "--unix-group", dba.name());
            for (final List<String> force : List.of(List.<String>of(), List.of("--force"))) {
                final List<String> args = new ArrayList<>(List.of("destroy", "shared", "--dir", cli.root().toString()));
                args.addAll(force);
                try (JvmProcess destroy = JvmProcess.builder("oracle-destroy", LauncherUipcCommand.class).args(args)
                    .asUser(oracle).start()) {
                    assertEquals(1, destroy.waitFor(Duration.ofSeconds(60)), destroy::output);
                    final String out = destroy.output().strip();
                    assertEquals(1, out.lines().count(), out);
                    assertTrue(out.startsWith("uipc destroy: group directory " + dir + " is owned by root (uid 0), not by this process (uid "
                        + oracle.uid() + "): only its owner can destroy it; nothing deleted"), out);
                }
                assertEquals(FILES, filesIn(dir), "the member deleted nothing");
            }
            final Cli.Running r = cli.run("destroy", "shared");
            assertEquals(0, r.exitCode(), r::toString);
            assertFalse(Files.exists(dir), r::toString);
        }
    }
}
