package io.uipc.launcher.cli;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.launcher.Cli;
import io.uipc.launcher.testapp.ScriptedMember;
import io.uipc.table.ProcessTableDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real {@code uipc} CLI, in its own JVM, against real member JVMs. */
@Timeout(120)
class CliEndToEndTest {
    private static final String MEMBER = ScriptedMember.class.getName();
    private static final Pattern PID = Pattern.compile("(?:registered|started): pid (\\d+)");
    private static final Duration EXIT = Duration.ofSeconds(60);

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

    private Path spec(final String text) throws Exception {
        final Path file = Files.createTempFile(specs, "group", ".toml");
        Files.writeString(file, text);
        return file;
    }

    private static List<Long> memberPids(final Cli.Running launch) {
        return launch.stdoutLines().stream().map(PID::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
    }

    private static void assertAllDead(final List<Long> pids) {
        assertFalse(pids.isEmpty(), "no member pids seen");
        for (final long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "member pid " + pid + " still runs");
        }
    }

    @Test
    void createPsDestroy() throws Exception {
        Cli.Running r = cli.run("create", "g1", "--entries", "64", "--receivers", "128", "--uitt", "512");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("created group g1"), r::toString);
        assertTrue(Files.isDirectory(cli.root().resolve("g1")));

        r = cli.run("create", "g1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc create: group 'g1' already exists"), r::toString);
        assertFalse(r.stderr().contains("\tat "), "no stack trace without --verbose");

        r = cli.run("ps", "g1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("0 of 64 entries used"), r::toString);
        assertTrue(r.stdout().contains("layout versions: process table " + ProcessTableDescriptor.LAYOUT_VERSION + ", domain "
            + DomainHeaderDescriptor.LAYOUT_VERSION), r::toString);
        assertTrue(r.stdout().contains("SLOT SERIAL"), r::toString);

        r = cli.run("ps", "g1", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        final Map<String, Object> g1 = JsonParse.document(r.stdout());
        assertEquals("g1", g1.get("group"));
        assertEquals(64.0, JsonParse.number(g1, "capacity"));
        assertTrue(JsonParse.list(g1, "members").isEmpty(), r::toString);
        assertEquals(Map.of("process_table", ProcessTableDescriptor.LAYOUT_VERSION, "domain", DomainHeaderDescriptor.LAYOUT_VERSION),
            g1.get("layout_versions"));

        r = cli.run("destroy", "g1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(cli.groupsLeft().isEmpty());

        r = cli.run("create", "g2", "--unix-group", "no-such-unix-group");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().endsWith("no Unix group named 'no-such-unix-group'"), r::toString);
        assertTrue(cli.groupsLeft().isEmpty(), "nothing half-created");

        r = cli.run("destroy", "g1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("no group at"), r::toString);
        r = cli.run("ps", "nosuchgroup");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("no group at") && r.stderr().contains("nosuchgroup"), r::toString);
    }

    @Test
    void launchIntoExistingGroupPsSendAndSigint() throws Exception {
        assertEquals(0, cli.run("create", "db", "--entries", "64").exitCode());
        final Path spec = spec("grace-period = \"10s\"\n\n[[member]]\nname = \"m\"\nmain = \"" + MEMBER + "\"\ncount = 2\nrole = \"worker\"\nargs = [\"echo\", \"7\"]\n");
        final Cli.Running launch = cli.start("launch", spec.toString(), "--group", "db");
        launch.awaitLine("all 2 members ready");
        launch.awaitLine("supervising 2 members");

        Cli.Running r = cli.run("ps", "db");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().matches("(?s).*\\bm-1\\s+worker\\s+active\\s+7:\\d+ 0:\\d+.*"), r::toString);
        assertTrue(r.stdout().contains("m-2"), r::toString);
        r = cli.run("ps", "db", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        final Map<String, Object> m1 = JsonParse.member(JsonParse.document(r.stdout()), "m-1");
        assertEquals("worker", m1.get("role"));
        assertEquals("active", m1.get("state"));
        assertEquals(true, m1.get("live"));
        assertTrue(JsonParse.list(m1, "uitt").stream().anyMatch(e -> Integer.valueOf(7).equals(e.get("vector"))), r::toString);

        r = cli.run("send", "db", "m-2", "7");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().startsWith("sent vector 7 to m-2"), r::toString);
        launch.awaitMemberLine("m-2", "got vector 7");

        r = cli.run("send", "db", "nobody", "7");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("no live member named 'nobody'"), r::toString);
        r = cli.run("send", "db", "m-1", "9");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("does not accept vector 9"), r::toString);
        r = cli.run("send", "db", "m-1", "64");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("vector 64 is out of range"), r::toString);
        r = cli.run("send", "db", "m-1", "x");
        assertEquals(2, r.exitCode(), r::toString);

        r = cli.run("destroy", "db");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("2 live member(s)"), r::toString);

        launch.signal("INT");
        assertEquals(0, launch.awaitExit(EXIT), launch::toString);
        assertTrue(launch.stdout().contains("shutdown vector 0 to m-1, m-2"), launch::toString);
        launch.awaitMemberLine("m-1", "shutdown vector received");
        assertAllDead(memberPids(launch));

        r = cli.run("ps", "db", "--json");
        assertTrue(JsonParse.list(JsonParse.document(r.stdout()), "members").isEmpty(), "members left the table: " + r);
        assertEquals(0, cli.run("destroy", "db").exitCode());
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void membersHaltWhenTheLauncherIsKilledAndStayInTheTableUntilReaped() throws Exception {
        assertEquals(0, cli.run("create", "orphans", "--entries", "16").exitCode());
        final Cli.Running launch = cli.start("launch", spec("[[member]]\nname = \"m\"\nmain = \"" + MEMBER + "\"\n").toString(), "--group", "orphans");
        launch.awaitLine("all 1 members ready");
        final long pid = memberPids(launch).get(0);
        launch.signal("KILL");
        launch.awaitExit(EXIT);
        ProcessHandle.of(pid).ifPresent(m -> m.onExit().join());

        Cli.Running r = cli.run("ps", "orphans");
        assertTrue(r.stdout().matches("(?s).*\\bm\\s+process\\s+dead\\s.*"), r::toString);
        r = cli.run("ps", "orphans", "--json");
        final Map<String, Object> orphan = JsonParse.member(JsonParse.document(r.stdout()), "m");
        assertEquals("dead", orphan.get("state"), r::toString);
        assertEquals(false, orphan.get("live"), r::toString);
        r = cli.run("send", "orphans", "m", "0");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("member 'm' (pid " + pid + ") is dead"), r::toString);
        r = cli.run("destroy", "orphans");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void sigtermStopsTemporaryGroupAndRemovesIt() throws Exception {
        final Path spec = spec("[[member]]\nname = \"a\"\nmain = \"" + MEMBER + "\"\n\n[[member]]\nname = \"lazy\"\nmain = \"" + MEMBER + "\"\n"
            + "args = [\"never-join\"]\nready = \"started\"\norder = 1\n");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("all 2 members ready");
        assertEquals(1, cli.groupsLeft().size());
        launch.signal("TERM");
        assertEquals(0, launch.awaitExit(EXIT), launch::toString);
        assertTrue(launch.stdout().contains("shutdown vector 0 to a; SIGTERM to lazy"), launch::toString);
        assertTrue(launch.stdout().contains("destroyed"), launch::toString);
        assertAllDead(memberPids(launch));
        assertTrue(cli.groupsLeft().isEmpty(), () -> "left: " + cli.groupsLeft());
    }

    @Test
    void stragglerIsKilledAfterGracePeriodAndFailsTheLaunch() throws Exception {
        final Path spec = spec("grace-period = \"300ms\"\n[[member]]\nname = \"stubborn\"\nmain = \"" + MEMBER + "\"\nargs = [\"ignore-shutdown\"]\n");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("all 1 members ready");
        launch.signal("INT");
        assertEquals(1, launch.awaitExit(EXIT), launch::toString);
        launch.awaitMemberLine("stubborn", "ignoring it");
        assertTrue(launch.stdout().contains("still running after the grace period: killed"), launch::toString);
        assertAllDead(memberPids(launch));
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void crashingMemberIsRestartedUpToItsMaximumThenTheLaunchFails() throws Exception {
        final Path spec = spec("[[member]]\nname = \"ok\"\nmain = \"" + MEMBER + "\"\n[[member]]\nname = \"crasher\"\nmain = \"" + MEMBER + "\"\n"
            + "args = [\"crash-on\", \"5\", \"3\"]\nrestart = \"on-failure:2\"\n");
        final Cli.Running launch = cli.start("launch", spec.toString());
        launch.awaitLine("all 2 members ready");
        final String group = cli.groupsLeft().get(0).getFileName().toString();
        for (int attempt = 1; attempt <= 3; attempt++) {
            final Cli.Running send = cli.run("send", group, "crasher", "5");
            assertEquals(0, send.exitCode(), send::toString);
            launch.awaitLine("died: exit code 3", attempt);
            if (attempt <= 2) {
                launch.awaitLine("restarting crasher (restart " + attempt + " of 2)");
                launch.awaitLine("crasher registered: pid", attempt + 1);
            }
        }
        assertEquals(1, launch.awaitExit(EXIT), launch::toString);
        assertTrue(launch.stdout().contains("crasher failed for good (restart = on-failure:2)"), launch::toString);
        assertTrue(launch.stdout().contains("stopping the group (on-failure = shutdown)"), launch::toString);
        assertTrue(launch.stdout().contains("shutdown vector 0 to ok"), launch::toString);
        assertAllDead(memberPids(launch));
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void malformedSpecNamesTheLine() throws Exception {
        final Path spec = spec("# comment\n[[member]]\nname = \"a\"\nmain = \"" + MEMBER + "\"\ncount = \"many\"\n");
        final Cli.Running r = cli.run("launch", spec.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().matches("uipc launch: group\\d*\\.toml:5: 'count': expected an integer, got a string \\(many\\)"), r::toString);
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void unknownMainClassStartsNothing() throws Exception {
        final Path spec = spec("[[member]]\nname = \"a\"\nmain = \"" + MEMBER + "\"\n\n[[member]]\nname = \"b\"\nmain = \"com.example.Missing\"\n");
        final Cli.Running r = cli.run("launch", spec.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().matches("uipc launch: group\\d*\\.toml:5: 'main': member b: main class com.example.Missing not found.*"),
            r::toString);
        assertFalse(r.stdout().contains("starting"), r::toString);
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void duplicateMemberNamesAreRefused() throws Exception {
        final Path spec = spec("[[member]]\nname = \"fg\"\nmain = \"" + MEMBER + "\"\ncount = 2\n\n[[member]]\nname = \"fg-2\"\nmain = \"" + MEMBER + "\"\n");
        final Cli.Running r = cli.run("launch", spec.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains(":6: 'member fg-2': duplicate member name 'fg-2': already used by member fg at line 1"),
            r::toString);
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void missingGroupIsAClearError() throws Exception {
        final Path spec = spec("[[member]]\nname = \"a\"\nmain = \"" + MEMBER + "\"\n");
        final Cli.Running r = cli.run("launch", spec.toString(), "--group", "absent");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("no group at") && r.stderr().contains("absent"), r::toString);
    }

    @Test
    void memberDyingAtStartStopsEverything() throws Exception {
        final Path spec = spec("[[member]]\nname = \"first\"\nmain = \"" + MEMBER + "\"\n\n[[member]]\nname = \"bad\"\nmain = \"" + MEMBER + "\"\n"
            + "args = [\"exit-before-join\", \"4\"]\norder = 2\n");
        final Cli.Running r = cli.run("launch", spec.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("bad (" + MEMBER + ") exited with code 4 before it registered in the group; its last output:"
            + " failing at start"), r::toString);
        assertTrue(r.stdout().contains("shutdown vector 0 to first"), r::toString);
        assertAllDead(memberPids(r));
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void aGroupRootTheLaunchMadeIsRemovedWithItsGroupAndAnExistingOneStays() throws Exception {
        final Path spec = spec("[[member]]\nname = \"bad\"\nmain = \"" + MEMBER + "\"\nargs = [\"exit-before-join\", \"4\"]\n");
        final Path made = cli.root().resolve("made-by-launch");
        Cli.Running r = cli.run("launch", spec.toString(), "--dir", made.toString());
        assertTrue(r.stdout().contains("destroyed"), r::toString);
        assertFalse(Files.exists(made), r::toString);

        final Path existing = Files.createDirectories(cli.root().resolve("existing"));
        r = cli.run("launch", spec.toString(), "--dir", existing.toString());
        assertTrue(r.stdout().contains("destroyed"), r::toString);
        assertTrue(Files.isDirectory(existing), r::toString);
    }

    @Test
    void memberThatNeverRegistersTimesOut() throws Exception {
        final Path spec = spec("ready-timeout = \"1s\"\n[[member]]\nname = \"silent\"\nmain = \"" + MEMBER + "\"\nargs = [\"never-join\"]\n");
        final Cli.Running r = cli.run("launch", spec.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("silent did not register in the group within 1000 ms"), r::toString);
        assertTrue(r.stdout().contains("SIGTERM to silent"), r::toString);
        assertTrue(cli.groupsLeft().isEmpty());
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Cli.Running r = cli.run("create");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("uipc create: missing required parameter: 'GROUP' (see 'uipc help create')", r.stderr().strip(), r::toString);
        r = cli.run("frobnicate");
        assertEquals(2, r.exitCode(), r::toString);
        r = cli.run("create", "bad name!");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("invalid group name"), r::toString);
        r = cli.run("ps", "nosuchgroup", "--verbose");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.stderr().startsWith("uipc ps: no group at") && r.stderr().contains("\tat io.uipc.table.ProcessGroup.attach"),
            r::toString);
    }

    @Test
    void destroyDotOrDotDotIsAUsageErrorAndDeletesNothing() throws Exception {
        assertEquals(0, cli.run("create", "g", "--entries", "8", "--receivers", "8", "--uitt", "64").exitCode());
        final Path group = cli.root().resolve("g");
        Files.createDirectory(group.resolve("sub"));
        final Path sibling = Files.writeString(cli.root().resolve("sibling"), "keep");
        for (final String[] alias : List.of(new String[] {"..", group.resolve("sub").toString()}, new String[] {".", group.toString()})) {
            final Cli.Running r = cli.run("destroy", alias[0], "--force", "--dir", alias[1]);
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("uipc destroy: invalid group name '" + alias[0] + "': use 1 to 64 letters, digits, '.', '_' or '-',"
                + " not starting with '.' (see 'uipc help destroy')", r.stderr().lines().findFirst().orElseThrow(), r::toString);
            assertFalse(r.stderr().contains("\tat "), r::toString);
        }
        assertTrue(Files.isRegularFile(group.resolve("table")), "the group is still there");
        assertTrue(Files.isRegularFile(sibling), "the root and its other files are still there");
    }

    @Test
    void backendsSaysWhatIsAvailableAndWhy() throws Exception {
        Cli.Running r = cli.run("backends");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().matches("(?s).*emulated\\s+available\\s+\\S.*"), r::toString);
        assertTrue(r.stdout().contains("auto picks: "), r::toString);
        r = cli.run("backends", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        final List<Map<String, Object>> backends = JsonParse.list(JsonParse.document(r.stdout()), "backends");
        assertTrue(backends.stream().anyMatch(b -> "emulated".equals(b.get("name")) && Boolean.TRUE.equals(b.get("available"))
            && b.get("reason") instanceof String), r::toString);
        assertTrue(backends.stream().anyMatch(b -> "hardware".equals(b.get("name")) && b.get("available") instanceof Boolean), r::toString);
    }
}
