package io.uipc.table;

import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member's MXBean in this JVM: its attributes are the member's live counters, it goes when the
 * member leaves, a name already taken or the {@code uipc.jmx=false} opt-out never fails the join,
 * and names with characters ObjectName reserves are quoted.
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
            assertEquals((long) SENDS, server.getAttribute(name, "Sent"));
            assertEquals(1L, server.getAttribute(name, "Received"));
            assertEquals((long) SENDS - 1, server.getAttribute(name, "Coalesced"));
            assertEquals(0L, server.getAttribute(name, "WakeUps"));
            assertEquals("jmx", server.getAttribute(name, "Group"));
            assertEquals(self.slot(), server.getAttribute(name, "Slot"));
            assertEquals(ProcessHandle.current().pid(), server.getAttribute(name, "Pid"));
            assertEquals(false, server.getAttribute(name, "Lost"));
        }
        assertFalse(server.isRegistered(name));
    }

    @Test
    void aTakenNameOrTheOptOutLeavesTheJoinWorking() throws JMException {
        final ObjectName name = MemberJmx.name(group.name(), "clash");
        server.registerMBean(new StandardMBean(new Marker() { }, Marker.class), name);
        try (Member clash = group.join(JoinOptions.named("clash").secret(secret))) {
            assertFalse(server.getMBeanInfo(name).getClassName().contains("MemberMetrics"));
            assertEquals(clash.handle(), group.lookup("clash"));
        } finally {
            server.unregisterMBean(name);
        }
        System.setProperty(MemberJmx.ENABLED_PROPERTY, "false");
        try (Member off = joinOnOwnThread(JoinOptions.named("off").secret(secret))) {
            assertFalse(server.isRegistered(MemberJmx.name(group.name(), "off")));
            assertEquals(off.handle(), group.lookup("off"));
        } finally {
            System.clearProperty(MemberJmx.ENABLED_PROPERTY);
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
}
