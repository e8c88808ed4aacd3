package io.uipc.launcher;

import io.uipc.table.GroupEnvironment;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The entry point of every member JVM the launcher starts: {@code MemberMain REAL_MAIN ARGS...}.
 * It starts a daemon thread that watches the launcher, then runs the real main class's
 * {@code main(ARGS)} on the main thread, so members are arbitrary main classes that need no
 * code of their own to be supervised. This class is on every member's class path: the
 * members' class path begins with the launcher's own ({@link ChildClassPath}).
 *
 * <p>The watch: the launcher starts each member with its stdin a pipe whose write end only the
 * launcher holds and never writes to. When the launcher's process ends, however it ends
 * (SIGKILL included), the kernel closes that end and the watch reads end-of-file: the member
 * then kills its own process group, itself and whatever it started (it leads the group, having
 * been started under {@code setsid}), rather than run on unsupervised. Unlike watching the
 * launcher's pid, this cannot be fooled by pid reuse, and unlike {@code PR_SET_PDEATHSIG} it
 * does not depend on which launcher thread spawned the member. The member's own code sees an
 * empty {@link System#in}, as with stdin from {@code /dev/null}.
 */
public final class MemberMain {
    /** The exit code of a member that halts because its launcher is gone, if it does not lead its own process group. */
    static final int LAUNCHER_GONE_EXIT = 70;
    private static final int USAGE_EXIT = 2;
    private static final System.Logger LOG = System.getLogger(MemberMain.class.getName());

    private MemberMain() {
    }

    /**
     * Watches the launcher, then runs the member.
     *
     * @param args the member's main class, then its arguments
     * @throws Throwable whatever the member's main throws, as if it ran as the JVM's main class
     */
    public static void main(final String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: " + MemberMain.class.getName() + " MAIN_CLASS [ARGS...] (run by the uipc launcher)");
            System.exit(USAGE_EXIT);
        }
        watchLauncher(new FileInputStream(FileDescriptor.in));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        final Method main = Class.forName(args[0], true, ClassLoader.getSystemClassLoader()).getMethod("main", String[].class);
        main.setAccessible(true);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (final InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watchLauncher(final InputStream launcherPipe) {
        final Thread watch = new Thread(() -> {
            // The launcher never writes; anything read is ignored.
            final byte[] ignored = new byte[64];
            try {
                int n;
                do {
                    n = launcherPipe.read(ignored);
                } while (n >= 0);
            } catch (final IOException e) {
                // a broken pipe means the same: the launcher is gone
            }
            launcherGone();
        }, "uipc-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void launcherGone() {
        final String name = System.getenv().getOrDefault(GroupEnvironment.MEMBER_NAME, "member");
        LOG.log(System.Logger.Level.WARNING, name + ": its launcher has gone without stopping it; ending it and its process group");
        if (UnixProcessGroup.leadsOwnGroup()) {
            UnixProcessGroup.killOwnGroup();
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(LAUNCHER_GONE_EXIT);
    }
}
