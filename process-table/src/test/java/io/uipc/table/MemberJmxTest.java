package io.uipc.table;

import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member's MXBean in this JVM: registered soon after the join, its attributes are the member's
 * live counters, it goes when the member leaves, a name already taken or the {@code uipc.jmx=false}
 * opt-out never fails the join, and names with characters ObjectName reserves are quoted.
 */
class MemberJmxTest extends OneGroupTest {
    private static final int SENDS = 7;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    MemberJmxTest() {
        super("jmx", 8, 8, 32);
    }

    @Test
    void attributesAreTheMembersLiveCountersAndGoWhenItLeaves() throws JMException {
        final ObjectName name = MemberJmx.name(group.name(), "self");
        try (Member self = group.join(JoinOptions.named("self").secret(secret))) {
            self.accept(3);
            final Target target = group.resolve("self", 3);
            for (int i = 0; i < SENDS; i++) {
                assertTrue(self.send(target) >= 0);
            }
            assertEquals(1L << 3, self.receiver().poll());
            assertTrue(self.sendTo("self", 4) < 0, "self does not accept 4");
            awaitRegistered(name, true);
            assertEquals((long) SENDS, server.getAttribute(name, "Sent"));
            assertEquals(1L, server.getAttribute(name, "Failed"));
            assertEquals(1L, server.getAttribute(name, "Received"));
            assertEquals((long) SENDS - 1, server.getAttribute(name, "Coalesced"));
            assertEquals(0L, server.getAttribute(name, "WakeUps"));
            assertEquals("jmx", server.getAttribute(name, "Group"));
            assertEquals(self.slot(), server.getAttribute(name, "Slot"));
            assertEquals(ProcessHandle.current().pid(), server.getAttribute(name, "Pid"));
            assertEquals(false, server.getAttribute(name, "Lost"));
        }
        awaitRegistered(name, false);
    }

    @Test
    void aTakenNameOrTheOptOutLeavesTheJoinWorking() throws JMException {
        final ObjectName name = MemberJmx.name(group.name(), "clash");
        server.registerMBean(new StandardMBean(new Other(), Marker.class), name);
        try (Member clash = group.join(JoinOptions.named("clash").secret(secret))) {
            assertEquals(clash.handle(), group.lookup("clash"));
            witnessJoins("witness");
            assertEquals(Other.class.getName(), server.getMBeanInfo(name).getClassName(), "the other MBean kept its name");
        } finally {
            server.unregisterMBean(name);
        }
        System.setProperty(MemberJmx.ENABLED_PROPERTY, "false");
        try (Member off = joinOnOwnThread(JoinOptions.named("off").secret(secret))) {
            assertEquals(off.handle(), group.lookup("off"));
            System.clearProperty(MemberJmx.ENABLED_PROPERTY);
            witnessJoins("witness-2");
            assertFalse(server.isRegistered(MemberJmx.name(group.name(), "off")));
        } finally {
            System.clearProperty(MemberJmx.ENABLED_PROPERTY);
        }
    }

    /**
     * Joins and leaves a member once its MXBean is registered: registrations run in order on one
     * thread, so every earlier join's registration has been tried by then.
     */
    private void witnessJoins(final String witness) throws JMException {
        try (Member w = joinOnOwnThread(JoinOptions.named(witness).secret(secret))) {
            awaitRegistered(MemberJmx.name(group.name(), w.name()), true);
        }
    }

    /** Polls until the name is (or is no longer) registered: registration runs on its own thread. */
    private void awaitRegistered(final ObjectName name, final boolean registered) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.isRegistered(name) != registered) {
            assertTrue(System.nanoTime() - deadline < 0, name + " never " + (registered ? "registered" : "unregistered"));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void reservedCharactersInANameAreQuoted() throws JMException {
        final ObjectName name = MemberJmx.name("g", "a,b=c:\"d*?");
        assertEquals("a,b=c:\"d*?", ObjectName.unquote(name.getKeyProperty("name")));
        assertEquals("g", name.getKeyProperty("group"));
        assertEquals("Member", name.getKeyProperty("type"));
    }

    /** A management interface for the MBean that takes a member's name first. */
    public interface Marker {
    }

    /** The MBean that takes a member's name first. */
    private static final class Other implements Marker {
    }
}
