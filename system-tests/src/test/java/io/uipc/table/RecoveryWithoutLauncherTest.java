package io.uipc.table;

import io.uipc.core.SendResult;
import io.uipc.testing.CommandLoop;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.Signal;
import io.uipc.testing.TempGroups;
import io.uipc.testing.raw.GroupInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 item 14: a member SIGKILLed where no launcher and no other member runs a reaper. Its
 * entry stays, but a cached target reports it stale instead of success, and a newcomer can take
 * its name: the join reaps it, through its free liveness lock.
 */
@Timeout(120)
class RecoveryWithoutLauncherTest {
    private static final int VECTOR = 5;
    private static final String MASK = Long.toHexString(1L << VECTOR);

    @Test
    void aMemberKilledWithNoReaperIsReportedStaleAndItsNameCanBeJoinedAgain() {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("noreaper", 4, 4, 16);
             JvmProcess victim = JvmProcess.start("victim", MemberChild.class);
             JvmProcess heir = JvmProcess.start("heir", MemberChild.class)) {
            final String secret = group.readSecret();
            final GroupInspector inspector = new GroupInspector(group);
            victim.call("attach " + group.directory());
            heir.call("attach " + group.directory());
            final String[] first = victim.call("join lgwr " + secret + " -1 " + VECTOR).split(" ");

            final Target checkedAlive = group.resolve("lgwr", VECTOR);
            assertTrue(SendResult.isPosted(checkedAlive.send()), "a live member is sent to");
            final long tickOfLife = CoarseClock.now();
            final Target cachedBeforeDeath = group.resolve("lgwr", VECTOR);
            victim.kill();

            assertEquals(SendResult.STALE_ENTRY, cachedBeforeDeath.send(), "its first send checks, and finds the process dead");
            assertEquals(SendResult.STALE_ENTRY, cachedBeforeDeath.send(), "and it stays stale");
            assertEquals(SendResult.STALE_ENTRY, group.resolve("lgwr", VECTOR).send(), "a target resolved after the death too");
            while (CoarseClock.now() == tickOfLife) {
                LockSupport.parkNanos(1_000_000); // a target that found it alive checks again from the next tick
            }
            assertEquals(SendResult.STALE_ENTRY, checkedAlive.send());
            assertEquals(List.of("lgwr"), group.members().stream().map(MemberInfo::name).toList(), "nobody reaped it");
            assertEquals(0, group.deathsReaped());

            final String[] second = heir.call("join lgwr " + secret + " -1 " + VECTOR).split(" ");
            assertEquals(1, group.deathsReaped(), "the join reaped the dead holder of its name");
            assertEquals(List.of(), inspector.violations());
            assertFalse(first[1].equals(second[1]) && first[0].equals(second[0]), "a new incarnation");
            assertEquals(SendResult.STALE_ENTRY, cachedBeforeDeath.send(), "the dead member's target never reaches the heir");
            final Target fresh = group.resolve("lgwr", VECTOR);
            assertTrue(SendResult.isPosted(fresh.send()));
            heir.send("collect " + MASK + " 30000");
            assertEquals(MASK, heir.reply("collect"), "the heir receives");
        }
    }

    @Test
    void aNameHeldByALiveMemberIsStillRefused() {
        try (TempGroups groups = new TempGroups(); ProcessGroup group = groups.create("taken", 4, 4, 16);
             JvmProcess holder = JvmProcess.start("holder", MemberChild.class);
             JvmProcess rival = JvmProcess.start("rival", MemberChild.class)) {
            final String secret = group.readSecret();
            holder.call("attach " + group.directory());
            rival.call("attach " + group.directory());
            holder.call("join lgwr " + secret + " -1 " + VECTOR);
            holder.signal(Signal.STOP);
            try {
                rival.send("join lgwr " + secret + " -1 " + VECTOR);
                final String refusal = rival.expect(CommandLoop.ERROR + " join");
                assertTrue(refusal.contains("name 'lgwr' is already taken in group taken by a live member"), refusal);
                assertTrue(SendResult.isPosted(group.resolve("lgwr", VECTOR).send()), "a stopped member is slow, not dead");
            } finally {
                holder.signal(Signal.CONT);
            }
            assertEquals(0, group.deathsReaped());
        }
    }
}
