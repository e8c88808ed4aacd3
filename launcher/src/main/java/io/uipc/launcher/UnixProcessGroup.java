package io.uipc.launcher;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Signals a member's whole Unix process group. Members start under {@code setsid}, so each is
 * the leader of a session and a process group whose id is its pid; what it starts (a shell, a
 * {@code sleep}, a helper binary) inherits that group unless it moves itself. kill(2) with a
 * negative pid reaches them all, where {@link ProcessHandle} reaches only the member's JVM.
 * The numbers are Linux's (the same on x86-64 and aarch64), the only platform uipc runs on.
 */
final class UnixProcessGroup {
    /** SIGKILL. */
    static final int SIGKILL = 9;
    /** SIGTERM. */
    static final int SIGTERM = 15;

    private UnixProcessGroup() {
    }

    /**
     * Signals every process of a process group.
     *
     * @param pgid   the group's id (a member's pid: it leads its own group)
     * @param signal the signal number
     * @return whether some process received it (false: the group is empty, or not ours to signal)
     */
    static boolean signal(final long pgid, final int signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("not a member's process group: " + pgid);
        }
        try {
            Libc.kill(-Math.toIntExact(pgid), signal);
            return true;
        } catch (final LastErrorException e) {
            return false;
        }
    }

    /**
     * Tells whether this process leads its own process group (it was started under {@code setsid}).
     *
     * @return whether this process's group id is its pid
     */
    static boolean leadsOwnGroup() {
        return Libc.getpgid(0) == ProcessHandle.current().pid();
    }

    /** Sends SIGKILL to this process's own group, this process included: nothing of it survives. */
    static void killOwnGroup() {
        Libc.kill(0, SIGKILL);
    }

    /** libc, for kill(2) and getpgid(2) alone. */
    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        private Libc() {
        }

        static native int kill(int pid, int signal) throws LastErrorException;

        static native int getpgid(int pid);
    }
}
