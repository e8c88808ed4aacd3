package io.uipc.table;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Registers each member of this process as a {@link MemberMXBean} while it is joined. A failure
 * (a name another MBean holds, no {@code java.management} in the runtime, a security policy)
 * never fails the join: it is logged and the member runs without its MXBean. System property
 * {@value #ENABLED_PROPERTY}{@code =false} turns registration off.
 *
 * <p>Registration and unregistration run, in the order asked, on one daemon thread of this JVM,
 * not in {@code join} or {@code close}: the first use of the platform MBeanServer builds it (about
 * a quarter of a second), which a join must not wait for.
 */
final class MemberJmx {
    /** The system property that turns registration off when {@code false}. */
    static final String ENABLED_PROPERTY = "uipc.jmx";
    /** The ObjectName domain. */
    static final String DOMAIN = "io.uipc";
    private static final System.Logger LOG = System.getLogger(MemberJmx.class.getName());
    /** Characters an unquoted ObjectName value may not hold. */
    private static final String SPECIAL = ",=:\"*?\n";

    /** One thread for every group of this JVM, in order: a member's withdrawal follows its exposure. */
    private static final Executor JMX_THREAD = Executors.newSingleThreadExecutor(task -> {
        final Thread t = new Thread(task, "uipc-jmx");
        t.setDaemon(true);
        return t;
    });

    private final Map<Member, ObjectName> registered = new ConcurrentHashMap<>();

    /**
     * Names a member's MXBean, quoting a value that holds a character ObjectName reserves.
     *
     * @param group  the group's name
     * @param member the member's name
     * @return {@code io.uipc:type=Member,group=GROUP,name=MEMBER}
     * @throws JMException if the name is malformed (not for names a group or member can have)
     */
    static ObjectName name(final String group, final String member) throws JMException {
        return new ObjectName(DOMAIN + ":type=Member,group=" + value(group) + ",name=" + value(member));
    }

    private static String value(final String v) {
        return v.isEmpty() || v.chars().anyMatch(c -> SPECIAL.indexOf(c) >= 0) ? ObjectName.quote(v) : v;
    }

    /**
     * Registers a member that just joined, soon, unless turned off; logs a failure.
     *
     * @param member the member
     */
    void expose(final Member member) {
        if (Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            JMX_THREAD.execute(() -> register(member));
        }
    }

    private void register(final Member member) {
        try {
            final ObjectName objectName = name(member.group().name(), member.name());
            ManagementFactory.getPlatformMBeanServer().registerMBean(new MemberMetrics(member), objectName);
            registered.put(member, objectName);
        } catch (final JMException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "uipc: member ''{0}'' of group {1} joined without its MXBean: {2}",
                member.name(), member.group().name(), e.toString());
        }
    }

    /**
     * Unregisters a member that left or was lost, soon (after its registration); logs a failure.
     *
     * @param member the member
     */
    void withdraw(final Member member) {
        JMX_THREAD.execute(() -> unregister(member));
    }

    private void unregister(final Member member) {
        final ObjectName objectName = registered.remove(member);
        if (objectName == null) {
            return;
        }
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.unregisterMBean(objectName);
        } catch (final JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "uipc: cannot unregister MXBean {0}: {1}", objectName, e.toString());
        }
    }
}
