package io.uipc.table;

import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group secret across JVMs: a child started the launcher's way (group, name, role and
 * secret in its environment, {@value GroupSecret#ENV} for the secret) joins with the secret,
 * and is refused without it or with a wrong one, leaving nothing in the table. Within one JVM:
 * process-table's GroupAccessTest.
 */
@Timeout(120)
class ChildJoinAccessTest {
    @Test
    void childJvmsStartedTheLaunchersWayJoinOnlyWithTheSecretInTheirEnvironment() {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("access", 8, 8, 64)) {
            final Map<String, String> env = TempGroups.memberEnvironment(group, "fg-7", "foreground");
            try (JvmProcess ok = JvmProcess.builder("ok", JoinOnceChild.class).environment(env).start()) {
                assertTrue(ok.call("join").startsWith("fg-7 slot "));
            }
            try (JvmProcess missing = JvmProcess.builder("missing", JoinOnceChild.class).environment(env)
                .withoutEnvironment(GroupSecret.ENV).start()) {
                final String refused = missing.send("join").expect("error join");
                assertTrue(refused.contains("GroupAccessException: no secret presented to join group access"), refused);
            }
            try (JvmProcess wrong = JvmProcess.builder("wrong", JoinOnceChild.class).environment(env)
                .environment(Map.of(GroupSecret.ENV, "not-the-secret")).start()) {
                final String refused = wrong.send("join").expect("error join");
                assertTrue(refused.contains("GroupAccessException: wrong secret for group access (from UIPC_GROUP_SECRET): join refused"),
                    refused);
            }
            assertTrue(group.members().isEmpty(), "nothing left behind by any of them");
        }
    }
}
