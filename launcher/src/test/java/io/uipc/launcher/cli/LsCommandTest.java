package io.uipc.launcher.cli;

import io.uipc.table.GroupFileNames;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import io.uipc.testing.UnixGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code uipc ls}: every user's groups in a shared root, as root and as a second user see them:
 * their own and those shared with their Unix group attached and counted, another user's refused,
 * a truncated one broken, a stray file named, temporary names left out; a root that is a link
 * refused in one line.
 */
@Timeout(120)
class LsCommandTest {
    @Test
    void listsEveryUsersGroupsAsEachUserMaySeeThem() throws Exception {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
        try (TempGroups groups = new TempGroups("ls"); UnixGroup dba = UnixGroup.create("dba"); OtherUser alice = OtherUser.create("alice")) {
            dba.add(alice);
            final Path root = groups.root().resolve("shared-root");
            final String dir = root.toString();
            assertEquals(0, InProcessCli.run("create", "a-mine", "--entries", "8", "--dir", dir).exitCode());
            assertEquals(0, run(alice, "create", "b-alice", "--dir", dir).exitCode());
            assertEquals(0, InProcessCli.run("create", "c-shared", "--unix-group", dba.name(), "--dir", dir).exitCode());
            assertEquals(0, InProcessCli.run("create", "d-broken", "--dir", dir).exitCode());
            try (FileChannel table = FileChannel.open(root.resolve("d-broken").resolve(GroupFileNames.TABLE), StandardOpenOption.WRITE)) {
                table.truncate(16);
            }
            Files.writeString(root.resolve("e-stray"), "not a group");
            Files.createDirectory(root.resolve(".f.creating-1-2"));

            final InProcessCli.Result mine = InProcessCli.run("ls", "--dir", dir);
            assertEquals(0, mine.exitCode(), mine::toString);
            final List<String> lines = mine.out().lines().toList();
            assertEquals(6, lines.size(), mine::toString);
            assertTrue(lines.get(0).startsWith("GROUP "), mine::toString);
            assertRow(lines.get(1), "a-mine root - 0/8 emulated ok");
            assertTrue(lines.get(2).replaceAll(" +", " ").startsWith("b-alice " + alice.name() + " - - - refused: "), mine::toString);
            assertRow(lines.get(3), "c-shared root " + dba.name() + " 0/" + io.uipc.table.GroupSpec.DEFAULT_ENTRIES + " emulated ok");
            assertTrue(lines.get(4).replaceAll(" +", " ").startsWith("d-broken root - - - broken: ")
                && lines.get(4).contains("truncated"), mine::toString);
            assertTrue(lines.get(5).replaceAll(" +", " ").startsWith("e-stray root - - - broken: not a directory"), mine::toString);

            final InProcessCli.Result asAlice = run(alice, "ls", "--dir", dir);
            assertEquals(0, asAlice.exitCode(), asAlice::toString);
            final List<String> hers = asAlice.out().lines().toList();
            assertTrue(hers.get(1).replaceAll(" +", " ").startsWith("a-mine root - - - refused: "), asAlice::toString);
            assertRow(hers.get(2), "b-alice " + alice.name() + " - 0/" + io.uipc.table.GroupSpec.DEFAULT_ENTRIES + " emulated ok");
            assertRow(hers.get(3), "c-shared root " + dba.name() + " 0/" + io.uipc.table.GroupSpec.DEFAULT_ENTRIES + " emulated ok");

            final InProcessCli.Result json = InProcessCli.run("ls", "--json", "--dir", dir);
            final List<Map<String, Object>> listed = JsonParse.list(JsonParse.document(json.out()), "groups");
            assertEquals("a-mine", listed.get(0).get("group"), json::toString);
            assertEquals("ok", listed.get(0).get("status"), json::toString);
            assertEquals("refused", listed.get(1).get("status"), json::toString);
            for (final String g : List.of("a-mine", "c-shared", "d-broken")) {
                InProcessCli.run("destroy", g, "--force", "--dir", dir);
            }
            run(alice, "destroy", "b-alice", "--dir", dir);
        }
    }

    @Test
    void anEmptyOrMissingRootListsNothingAndALinkedRootIsRefused() throws IOException {
        try (TempGroups groups = new TempGroups("ls-root")) {
            final Path missing = groups.root().resolve("none");
            final InProcessCli.Result none = InProcessCli.run("ls", "--dir", missing.toString());
            assertEquals(0, none.exitCode(), none::toString);
            assertEquals("no groups in " + missing, none.out().strip());
            final Path link = Files.createSymbolicLink(groups.root().resolve("link"), groups.root());
            final InProcessCli.Result linked = InProcessCli.run("ls", "--dir", link.toString());
            assertEquals(1, linked.exitCode(), linked::toString);
            assertEquals(1, linked.err().strip().lines().count(), linked::toString);
            assertTrue(linked.err().contains("is a symbolic link"), linked::toString);
        }
    }

    private static void assertRow(final String line, final String expected) {
        assertEquals(expected, line.replaceAll(" +", " "));
    }

    private static InProcessCli.Result run(final OtherUser user, final String... args) {
        try (JvmProcess cli = JvmProcess.builder("cli-" + user.name(), LauncherUipcCommand.class).args(args).asUser(user).start()) {
            final int code = cli.waitFor(Duration.ofSeconds(60));
            return new InProcessCli.Result(code, cli.output(), "");
        }
    }
}
