package io.uipc.launcher.cli;

import io.uipc.launcher.Cli;
import io.uipc.launcher.testapp.ScriptedMember;
import io.uipc.table.GroupAccessException;
import io.uipc.table.JoinOptions;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code uipc reap} and {@code uipc rotate-secret}, run as a user would, against real member JVMs and no launcher. */
@Timeout(120)
class ReapAndRotateSecretCliTest {
    private Cli cli;

    @BeforeEach
    void setUp(final TestInfo info) {
        cli = new Cli(info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void reapPrintsTheMemberKilledWithoutALauncherAndFreesItsName() throws Exception {
        assertEquals(0, cli.run("create", "nolauncher", "--entries", "4").exitCode());
        try (ProcessGroup group = ProcessGroup.attach(cli.root().resolve("nolauncher"))) {
            final long pid;
            try (JvmProcess member = JvmProcess.builder("lgwr", ScriptedMember.class)
                .environment(TempGroups.memberEnvironment(group, "lgwr", "logwriter")).start()) {
                member.expect("ready: lgwr");
                pid = member.pid();
                member.kill();
            }
            // what it would leave if killed while creating its inbox
            final String half = ".inbox.lgwr.creating-" + pid + "-1-2";
            Files.writeString(group.directory().resolve(half), "half");
            Cli.Running r = cli.run("reap", "nolauncher");
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals(List.of("reaped lgwr (role logwriter, slot 0, serial 1, pid " + pid + ", was active)",
                "reaped 1 dead member(s) of group nolauncher", "removed " + half + ", a file its creator died making"),
                r.stdout().lines().toList(), r::toString);
            assertFalse(Files.exists(group.directory().resolve(half)));
            assertEquals("", r.stderr(), r::toString);
            assertTrue(group.members().isEmpty(), "its entry is free");
            group.join(JoinOptions.named("lgwr").secret(group.readSecret())).close();

            r = cli.run("reap", "nolauncher");
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals("no dead member in group nolauncher", r.stdout().strip(), r::toString);
        }
        final Cli.Running missing = cli.run("reap", "nosuch");
        assertEquals(1, missing.exitCode(), missing::toString);
        assertEquals(1, missing.stderr().lines().count(), missing::toString);
        assertTrue(missing.stderr().startsWith("uipc reap: no group at "), missing::toString);
        assertEquals(2, cli.run("reap", "..").exitCode());
    }

    @Test
    void rotateSecretRefusesTheOldSecretAndNeverPrintsTheNewOne() throws Exception {
        assertEquals(0, cli.run("create", "rotating").exitCode());
        try (ProcessGroup group = ProcessGroup.attach(cli.root().resolve("rotating"))) {
            final String old = group.readSecret();
            final Cli.Running r = cli.run("rotate-secret", "rotating");
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stdout().startsWith("rotated the secret of group rotating (rotation 1): new joins need the new secret in "),
                r::toString);
            final String fresh = group.readSecret();
            assertNotEquals(old, fresh);
            assertFalse(r.stdout().contains(fresh) || r.stderr().contains(fresh), "the secret is never printed");
            final GroupAccessException refused = assertThrows(GroupAccessException.class,
                () -> group.join(JoinOptions.named("late").secret(old)));
            assertTrue(refused.getMessage().contains("wrong secret"), refused.getMessage());
            group.join(JoinOptions.named("late").secret(fresh)).close();
        }
        final Cli.Running missing = cli.run("rotate-secret", "nosuch");
        assertEquals(1, missing.exitCode(), missing::toString);
        assertEquals(1, missing.stderr().lines().count(), missing::toString);
    }
}
