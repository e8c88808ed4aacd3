package io.uipc.chaos.limits;

import io.uipc.core.UipcException;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupSpec;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import io.uipc.testing.CommandLoop;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child JVM for {@link LimitsTest}: attached to the group its environment names, put under one
 * resource limit and driven by {@link io.uipc.testing.JvmProcess} commands. A limit that
 * refuses an operation is the expected outcome, so it is a reply ("failed: MESSAGE"), not an
 * error:
 * <pre>
 *   create ROOT      create another group under ROOT; replies "created" or "failed: MESSAGE"
 *   join             join the group; replies the member handle
 *   inbox            open a 1 MiB inbox; replies "opened" or "failed: MESSAGE"
 *   await            wait on the receiver, in the background, until the JVM ends
 *   limit-files N    lower its own open-file limit to N (prlimit)
 *   attach-all       attach the group again and again until that fails (at most 1,000 times),
 *                    then release them; replies "failed after N: MESSAGE" or "never failed"
 *   leave            leave the group
 * </pre>
 */
public final class LimitsProbe {
    private static final int MAX_ATTACHMENTS = 1000;

    private final ProcessGroup group;
    private volatile Member me;

    private LimitsProbe(final ProcessGroup group) {
        this.group = group;
    }

    /**
     * Attaches the group, then serves commands until end of input.
     *
     * @param args none: the group, name and secret come from the environment
     */
    public static void main(final String[] args) {
        final LimitsProbe probe = new LimitsProbe(GroupEnvironment.attachGroup());
        new CommandLoop()
            .on("create", a -> probe.create(a[0]))
            .on("join", a -> probe.join())
            .on("inbox", a -> probe.inbox())
            .on("await", a -> probe.await())
            .on("limit-files", a -> limitFiles(Integer.parseInt(a[0])))
            .on("attach-all", a -> probe.attachAll())
            .on("leave", a -> {
                probe.me.close();
                return "";
            })
            .run();
    }

    private String create(final String root) {
        try {
            ProcessGroup.create(GroupSpec.named("second").withRoot(Paths.get(root)).withCapacities(64, 4096, 16384)).close();
            return "created";
        } catch (final UipcException e) {
            return "failed: " + e.getMessage();
        }
    }

    private String join() {
        me = group.join(GroupEnvironment.joinOptions());
        return Long.toString(me.handle());
    }

    private String inbox() {
        try {
            Inbox.open(me, 1, InboxConfig.defaults().withCapacity(1 << 20)).close();
            return "opened";
        } catch (final UipcException e) {
            return "failed: " + e.getMessage();
        }
    }

    private String await() {
        CommandLoop.daemonThread("receiving").execute(() -> {
            for (;;) {
                me.receiver().await(1, TimeUnit.SECONDS);
            }
        });
        return "";
    }

    private static String limitFiles(final int limit) throws IOException, InterruptedException {
        final Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(ProcessHandle.current().pid()), "--nofile=" + limit + ":" + limit)
            .redirectErrorStream(true).start();
        final String output = new String(prlimit.getInputStream().readAllBytes());
        if (prlimit.waitFor() != 0) {
            throw new IllegalStateException("prlimit failed: " + output);
        }
        return "";
    }

    private String attachAll() {
        final List<ProcessGroup> attached = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_ATTACHMENTS; i++) {
                attached.add(ProcessGroup.attach(group.directory()));
            }
            return "never failed";
        } catch (final UipcException e) {
            return "failed after " + attached.size() + ": " + e.getMessage();
        } finally {
            for (final ProcessGroup g : attached) {
                g.close();
            }
        }
    }
}
