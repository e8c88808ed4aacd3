package io.uipc.table;

import io.uipc.testing.CommandLoop;

import java.util.concurrent.ExecutorService;

/**
 * A member in a child JVM for {@link FileFaultTest}, with the default lost-member handler (it
 * prints one line and halts with exit code 70). Commands, from {@link io.uipc.testing.JvmProcess}:
 * <pre>
 *   join        attach the group and join it as its environment says; replies the member handle
 *   busy        send vector 1 to itself through a cached target and poll, 200,000 times (so
 *               that the path is compiled), then in the background over and over, so that a
 *               fault hits the hot path; whatever that throws is printed as
 *               "hot path threw CLASS: MESSAGE" and the loop ends
 * </pre>
 */
public final class FileFaultChild {
    private static final int WARM_UP_CALLS = 200_000;
    private final ExecutorService busy = CommandLoop.daemonThread("busy");
    private volatile Member member;

    private FileFaultChild() {
    }

    /** @param args none: the group, name and secret come from the environment */
    public static void main(final String[] args) {
        final FileFaultChild child = new FileFaultChild();
        new CommandLoop()
            .on("join", a -> child.join())
            .on("busy", a -> child.busy())
            .run();
    }

    private String join() {
        member = GroupEnvironment.attachGroup().join(GroupEnvironment.joinOptions());
        member.accept(1);
        return Long.toString(member.handle());
    }

    private String busy() {
        final Member m = member;
        final Target self = m.group().resolve(m.name(), 1);
        // Compiled first, as a member's hot path under load is: JDK 17 crashes on a fault in an
        // interpreted compare-and-set instead of throwing (docs/reliability.md, the JDK 17 limit).
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            m.send(self);
            m.receiver().poll();
        }
        busy.execute(() -> {
            try {
                for (;;) {
                    m.send(self);
                    m.receiver().poll();
                }
            } catch (final RuntimeException | InternalError e) {
                CommandLoop.print("hot path threw " + e.getClass().getName() + ": " + e.getMessage());
            }
        });
        return "";
    }
}
