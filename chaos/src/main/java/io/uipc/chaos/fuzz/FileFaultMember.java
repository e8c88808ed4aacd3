package io.uipc.chaos.fuzz;

import io.uipc.core.UipcException;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.table.mailbox.Outbox;
import io.uipc.testing.CommandLoop;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A member JVM for {@link FileFaultFuzzer}: joins one group after another and works in each
 * (interrupts and mail to its peer, drains its own inbox, polls) on a thread of its own, until
 * the driver damages one of the group's files. What it does then is what an application should
 * do: a lost group (the lost-member handler, run by the group's liveness thread) and a fault on
 * the hot path (an {@code InternalError} in the working thread) each print one line and end the
 * work in that group; the JVM lives on for the next group. Reported errors ({@link UipcException})
 * are counted and the work goes on. Commands:
 * <pre>
 *   join DIR NAME SECRET PEER   attach DIR, join as NAME, open an inbox, start working; replies "joined"
 *   progress DIR                replies the work loop's iterations in that group
 *   leave DIR                   stop working there; leave and detach unless the group was lost
 * </pre>
 * Prints "lost DIR: REASON" and "fault DIR: MESSAGE", one line each.
 */
public final class FileFaultMember {
    private static final int DOORBELL = 1;
    private static final int POKE = 2;
    private final Map<String, Work> works = new ConcurrentHashMap<>();

    private FileFaultMember() {
    }

    /**
     * Serves the fuzzer's commands until end of input.
     *
     * @param args none
     */
    public static void main(final String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> CommandLoop.print("uncaught in " + t.getName() + ": " + e));
        final FileFaultMember member = new FileFaultMember();
        new CommandLoop()
            .on("join", a -> member.join(a[0], a[1], a[2], a[3]))
            .on("progress", a -> Long.toString(member.works.get(a[0]).progress.get()))
            .on("leave", a -> member.works.remove(a[0]).leave())
            .run();
    }

    private String join(final String dir, final String name, final String secret, final String peer) {
        final ProcessGroup group = ProcessGroup.attach(Paths.get(dir));
        group.onMemberLost(e -> CommandLoop.print("lost " + dir + ": " + e.getMessage()));
        final Member me = group.join(JoinOptions.named(name).secret(secret));
        final Inbox inbox = Inbox.open(me, DOORBELL, InboxConfig.defaults().withCapacity(4096).withMaxMessageLength(16));
        me.accept(POKE);
        final Work work = new Work(group, me, inbox, peer, dir);
        works.put(dir, work);
        work.thread.start();
        return "joined";
    }

    /** The work in one group, on its own thread. */
    private static final class Work {
        private final ProcessGroup group;
        private final Member me;
        private final Inbox inbox;
        private final String peer;
        private final String dir;
        private final AtomicLong progress = new AtomicLong();
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
        private final Thread thread;
        private volatile boolean running = true;
        private volatile boolean faulted;

        Work(final ProcessGroup group, final Member me, final Inbox inbox, final String peer, final String dir) {
            this.group = group;
            this.me = me;
            this.inbox = inbox;
            this.peer = peer;
            this.dir = dir;
            this.thread = new Thread(this::run, "work " + dir);
            this.thread.setDaemon(true);
        }

        private void run() {
            try {
                Outbox outbox = null;
                while (running && !me.isLost()) {
                    try {
                        outbox = outbox != null ? outbox : Outbox.connect(me, peer);
                        me.sendTo(peer, POKE);
                        outbox.offer(1, message, 0, message.capacity());
                        inbox.drain((type, buffer, index, length) -> { }, 16);
                        me.receiver().poll();
                    } catch (final UipcException e) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                    progress.incrementAndGet();
                }
            } catch (final InternalError e) {
                faulted = true;
                CommandLoop.print("fault " + dir + ": " + e.getMessage());
            }
        }

        private String leave() throws InterruptedException {
            running = false;
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (!me.isLost() && !faulted) {
                inbox.close();
                me.close();
                group.close();
            }
            return "";
        }
    }
}
