package io.uipc.launcher.testapp;

import io.uipc.core.Receiver;
import io.uipc.launcher.LaunchedMember;
import io.uipc.table.Target;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.MailResult;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.CommandLoop;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A member for {@code uipc top} tests, joined from the launcher's environment with vector
 * {@value #VECTOR} and an inbox (doorbell {@value #DOORBELL}); its joining thread takes every
 * vector that arrives (never its mail). Driven by {@link io.uipc.testing.JvmProcess} commands:
 * <pre>
 *   blast NAME     send vector 1 to NAME about every 100 us, on a thread, until the end
 *   mail NAME N    put N messages in NAME's inbox; replies how many went in
 * </pre>
 * It prints "ready NAME" once joined, and exits at the end of its input.
 */
public final class TrafficMember {
    /** The vector members send each other. */
    public static final int VECTOR = 1;
    /** The inbox's doorbell. */
    public static final int DOORBELL = 2;
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private TrafficMember() {
    }

    /** @param args none */
    public static void main(final String[] args) {
        final LaunchedMember self = LaunchedMember.join(VECTOR);
        final Inbox inbox = Inbox.open(self.member(), DOORBELL);
        final Thread commands = new Thread(() -> new CommandLoop()
            .on("blast", a -> blast(self, a[0]))
            .on("mail", a -> mail(self, a[0], Integer.parseInt(a[1])))
            .run(), "commands");
        commands.start();
        CommandLoop.print("ready " + self.member().name() + " " + inbox.capacity());
        final Receiver receiver = self.receiver();
        while (true) {
            receiver.await(1, TimeUnit.SECONDS);
        }
    }

    private static String blast(final LaunchedMember self, final String name) {
        final Target target = self.group().resolve(name, VECTOR);
        final Thread t = new Thread(() -> {
            while (true) {
                self.member().send(target);
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }, "blast");
        t.setDaemon(true);
        t.start();
        return name;
    }

    private static String mail(final LaunchedMember self, final String name, final int n) {
        final Outbox out = Outbox.connect(self.member(), name);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
        int sent = 0;
        for (int i = 0; i < n; i++) {
            if (out.offer(1, message, 0, message.capacity()) >= MailResult.SENT) {
                sent++;
            }
        }
        return Integer.toString(sent);
    }
}
