package io.uipc.launcher.cli;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.table.ProcessTableDescriptor;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.OtherUser;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11 item 17, the CLI's part: every error is one line on stderr, with control characters from
 * the command line or the group escaped, and a spec or class path another user cannot read is named
 * with "permission denied" rather than an exception's class name.
 */
@Timeout(60)
class CliErrorsTest {
    private static final String ESC = "\u001b[2J";

    private static void assertOneLine(final InProcessCli.Result r, final int code, final String line) {
        assertEquals(code, r.exitCode(), r::toString);
        assertEquals(line + System.lineSeparator(), r.err(), r::toString);
    }

    @Test
    void usageErrorsAreOneEscapedLine() {
        try (TempGroups groups = new TempGroups("usage")) {
            final String dir = groups.root().toString();
            assertOneLine(InProcessCli.run("ps", "bad" + ESC, "--dir", dir), 2, "uipc ps: invalid group name 'bad\\x1b[2J': use 1 to 64"
                + " letters, digits, '.', '_' or '-', not starting with '.' (see 'uipc help ps')");
            assertOneLine(InProcessCli.run("ps", "g", "--colour" + ESC), 2, "uipc ps: unknown option '--colour\\x1b[2J' (see 'uipc help ps')");
            assertOneLine(InProcessCli.run("frobnicate\n"), 2, "uipc: unknown command 'frobnicate\\x0a' (see 'uipc help')");
            assertOneLine(InProcessCli.run("send", "g", "m", "64", "--dir", dir), 2,
                "uipc send: vector 64 is out of range: user vectors are 0..63 (see 'uipc help send')");
            assertOneLine(InProcessCli.run("launch", "spec\0.uipc", "--dir", dir), 2,
                "uipc launch: invalid value for positional parameter at index 0 (SPEC): invalid path 'spec\\x00.uipc': Nul character not allowed (see 'uipc help launch')");
            assertOneLine(InProcessCli.run("ps", "g", "--dir", "/tmp/\0"), 2,
                "uipc ps: invalid value for option '--dir': invalid path '/tmp/\\x00': Nul character not allowed (see 'uipc help ps')");
        }
    }

    @Test
    void failuresAreOneEscapedLine() throws IOException {
        try (TempGroups groups = new TempGroups("failures")) {
            final String dir = groups.root().toString();
            assertEquals(0, InProcessCli.run("create", "g", "--dir", dir).exitCode());
            assertOneLine(InProcessCli.run("send", "g", "m" + ESC, "1", "--dir", dir), 1,
                "uipc send: no live member named 'm\\x1b[2J' in group g: not sent");
            final Path spec = groups.root().resolve("bad.toml");
            Files.writeString(spec, "[[member]]\nname = \"a\"\nmain = \"A\"\nargs = [\"x\0y\"]\n");
            assertOneLine(InProcessCli.run("launch", spec.toString(), "--dir", dir), 1,
                "uipc launch: bad.toml:4: 'args': NUL character (\\x00) not allowed in a spec");
            assertOneLine(InProcessCli.run("launch", spec + ".missing", "--classpath", "a\0b", "--dir", dir), 1,
                "uipc launch: " + spec + ".missing: no such spec file");
            Files.writeString(spec, "[[member]]\nname = \"a\"\nmain = \"A\"\n");
            assertOneLine(InProcessCli.run("launch", spec.toString(), "--classpath", "a\0b", "--dir", dir), 2,
                "uipc launch: invalid path 'a\\x00b': Nul character not allowed (see 'uipc help launch')");
        }
    }

    /**
     * Issue 12 item 5: a group made by a build with another layout version (the version field of
     * its table or domain overwritten here) is one line naming the group, the file and both
     * versions, exit 1, for each command that attaches it; nothing in it is changed.
     */
    @Test
    void aGroupOfAnotherLayoutVersionIsOneLineNamingBothVersionsAndTheFile() throws IOException {
        try (TempGroups groups = new TempGroups("versions")) {
            final String dir = groups.root().toString();
            assertEquals(0, InProcessCli.run("create", "g", "--dir", dir).exitCode());
            final Path table = groups.root().resolve("g").resolve("table").toAbsolutePath();
            final int tableVersion = ProcessTableDescriptor.LAYOUT_VERSION;
            writeInt(table, ProcessTableDescriptor.VERSION_OFFSET, tableVersion + 1);
            final String advice = ": stop the group's members and re-create it with this build";
            assertOneLine(InProcessCli.run("ps", "g", "--dir", dir), 1, "uipc ps: group g: process table layout version "
                + (tableVersion + 1) + " in " + table + " but this build reads version " + tableVersion + advice);
            writeInt(table, ProcessTableDescriptor.VERSION_OFFSET, tableVersion);

            final Path domain = groups.root().resolve("g").resolve("domain").toAbsolutePath();
            final int domainVersion = DomainHeaderDescriptor.LAYOUT_VERSION;
            writeInt(domain, DomainHeaderDescriptor.VERSION_OFFSET, domainVersion - 1);
            final String line = "group g: domain layout version " + (domainVersion - 1) + " in " + domain
                + " but this build reads version " + domainVersion + advice;
            assertOneLine(InProcessCli.run("ps", "g", "--json", "--dir", dir), 1, "uipc ps: " + line);
            assertOneLine(InProcessCli.run("send", "g", "m", "1", "--dir", dir), 1, "uipc send: " + line);
            writeInt(domain, DomainHeaderDescriptor.VERSION_OFFSET, domainVersion);
            assertEquals(0, InProcessCli.run("destroy", "g", "--dir", dir).exitCode(), "the restored group attaches again");
        }
    }

    /** Overwrites an int field in a file's header, in the native order the layouts use. */
    private static void writeInt(final Path file, final int offset, final int value) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(0, value), offset);
        }
    }

    @Test
    void aSpecOrClassPathAnotherUserCannotReadIsPermissionDenied() throws Exception {
        assumeTrue(OtherUser.available(), "making users needs root (CI runs as root)");
        final Path shared = Files.createTempDirectory(Path.of("/tmp"), "uipc-cli-errors-");
        try (OtherUser user = OtherUser.create("specreader")) {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            final Path secret = Files.writeString(shared.resolve("root-only.toml"), "[[member]]\nname = \"a\"\nmain = \"A\"\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            final Path closedDir = Files.createDirectory(shared.resolve("closed"));
            Files.setPosixFilePermissions(closedDir, PosixFilePermissions.fromString("rwx------"));
            final Path spec = Files.writeString(shared.resolve("open.toml"),
                "classpath = [\"closed/*\"]\n[[member]]\nname = \"a\"\nmain = \"A\"\n");
            Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString("rw-r--r--"));
            assertEquals("uipc launch: " + secret + ": cannot read the spec file: permission denied",
                runAs(user, "launch", secret.toString(), "--dir", shared.resolve("groups").toString()));
            assertEquals("uipc launch: open.toml: 'classpath': cannot list a class path directory (the spec's classpath or --classpath): "
                + closedDir + ": permission denied", runAs(user, "launch", spec.toString(), "--dir", shared.resolve("groups").toString()));
            assertFalse(Files.exists(shared.resolve("groups")), "nothing created");
        } finally {
            try (var files = Files.walk(shared)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** @return the one line of output of the CLI run as {@code user}, which must exit 1 */
    private static String runAs(final OtherUser user, final String... args) {
        try (JvmProcess cli = JvmProcess.builder("cli", LauncherUipcCommand.class).args(args).asUser(user).start()) {
            final int code = cli.waitFor(Duration.ofSeconds(30));
            final String output = cli.output().strip();
            assertEquals(1, code, output);
            assertTrue(!output.contains("\n"), output);
            return output;
        }
    }
}
