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

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * A member for the metrics tests. Its commands, sent by {@link io.uipc.testing.JvmProcess}:
 * <pre>
 *   join V              attach and join as the environment says, accept V; replies the pid
 *   send NAME V N       send V to NAME N times; replies the sends that posted or coalesced
 *   take                take what is pending without waiting; replies the vectors, hex
 *   inbox V             open an inbox with doorbell V
 *   mail NAME K         offer K 8-byte messages to NAME's inbox; replies the offers accepted
 *   jmx ATTRIBUTE       read an attribute of this member's MXBean in this JVM's platform MBeanServer
 *   leave               leave; replies whether the MXBean is still registered
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
            .on("take", a -> Long.toHexString(m.member.receiver().poll()))
            .on("inbox", a -> {
                Inbox.open(m.member, Integer.parseInt(a[0]));
                return "";
            })
            .on("mail", a -> m.mail(a[0], Integer.parseInt(a[1])))
            .on("jmx", a -> String.valueOf(ManagementFactory.getPlatformMBeanServer().getAttribute(m.objectName(), a[0])))
            .on("leave", a -> {
                final ObjectName name = m.objectName();
                m.member.close();
                return Boolean.toString(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
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

    private ObjectName objectName() throws javax.management.MalformedObjectNameException {
        return new ObjectName("io.uipc:type=Member,group=" + group.name() + ",name=" + member.name());
    }
}
