package io.uipc.launcher.testapp;

import io.uipc.core.SendResult;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.MailResult;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.CommandLoop;
import org.agrona.concurrent.UnsafeBuffer;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A member for the metrics tests. Its commands, sent by {@link io.uipc.testing.JvmProcess}:
 * <pre>
 *   join V              attach and join as the environment says, accept V; replies the pid
 *   send NAME V N       send V to NAME N times; replies the sends that posted or coalesced
 *   sendto NAME V N     sendTo NAME's vector V N times, by name; replies the sends that failed
 *   take                take what is pending without waiting; replies the vectors, hex
 *   inbox V             open an inbox with doorbell V
 *   mail NAME K         offer K 8-byte messages to NAME's inbox; replies the offers accepted
 *   jmx ATTRIBUTE       read an attribute of this member's MXBean in this JVM's platform MBeanServer
 *   leave               leave; replies true once the MXBean is unregistered (false after 30 s)
 * </pre>
 */
public final class CountingMember {
    private ProcessGroup group;
    private Member member;

    private CountingMember() {
    }

    /** @param args none */
    public static void main(final String[] args) {
        final CountingMember m = new CountingMember();
        new CommandLoop()
            .on("join", a -> m.join(Integer.parseInt(a[0])))
            .on("send", a -> m.send(a[0], Integer.parseInt(a[1]), Integer.parseInt(a[2])))
            .on("sendto", a -> m.sendTo(a[0], Integer.parseInt(a[1]), Integer.parseInt(a[2])))
            .on("take", a -> Long.toHexString(m.member.receiver().poll()))
            .on("inbox", a -> {
                Inbox.open(m.member, Integer.parseInt(a[0]));
                return "";
            })
            .on("mail", a -> m.mail(a[0], Integer.parseInt(a[1])))
            .on("jmx", a -> String.valueOf(ManagementFactory.getPlatformMBeanServer().getAttribute(m.awaitMxBean(true), a[0])))
            .on("leave", a -> {
                final ObjectName name = m.awaitMxBean(true);
                m.member.close();
                return Boolean.toString(name.equals(m.awaitMxBean(false)));
            })
            .run();
    }

    private String join(final int vector) {
        group = GroupEnvironment.attachGroup();
        member = group.join(GroupEnvironment.joinOptions());
        member.accept(vector);
        return Long.toString(ProcessHandle.current().pid());
    }

    private String send(final String name, final int vector, final int times) {
        final Target target = group.resolve(name, vector);
        int posted = 0;
        for (int i = 0; i < times; i++) {
            if (member.send(target) >= SendResult.COALESCED) {
                posted++;
            }
        }
        return Integer.toString(posted);
    }

    private String sendTo(final String name, final int vector, final int times) {
        int failed = 0;
        for (int i = 0; i < times; i++) {
            if (member.sendTo(name, vector) < 0) {
                failed++;
            }
        }
        return Integer.toString(failed);
    }

    private String mail(final String name, final int count) {
        final Outbox outbox = Outbox.connect(member, name);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            if (outbox.offer(1, message, 0, message.capacity()) >= MailResult.SENT) {
                accepted++;
            }
        }
        return Integer.toString(accepted);
    }

    /**
     * Polls (30 s at most) until this member's MXBean is registered, or no longer is: the member
     * registers and unregisters it on a thread of its own.
     *
     * @return its name if that happened, else {@code null}
     */
    private ObjectName awaitMxBean(final boolean registered) throws MalformedObjectNameException {
        final ObjectName name = new ObjectName("io.uipc:type=Member,group=" + group.name() + ",name=" + member.name());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ManagementFactory.getPlatformMBeanServer().isRegistered(name) != registered) {
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return name;
    }
}
