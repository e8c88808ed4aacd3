package io.uipc.testing;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The signals tests send to processes, delivered by kill(2) through a JNA direct mapping:
 * {@link ProcessHandle} sends only SIGTERM and SIGKILL, and forking {@code /bin/kill} for
 * each signal is slow and can fail on a loaded machine. The numbers are Linux's (the same on
 * x86-64 and aarch64), the only platform uipc runs on.
 */
public enum Signal {
    /** SIGINT: what a terminal's Ctrl-C sends. */
    INT(2),
    /** SIGKILL: a crash, as far as the process's peers can tell. */
    KILL(9),
    /** SIGTERM: what a service manager sends to stop a process. */
    TERM(15),
    /** SIGCONT: resumes a stopped process. */
    CONT(18),
    /** SIGSTOP: stops a process until SIGCONT, as a debugger or an overloaded machine would. */
    STOP(19);

    private final int number;

    Signal(final int number) {
        this.number = number;
    }

    /**
     * Sends this signal.
     *
     * @param pid the process
     * @throws IllegalStateException if kill(2) fails (no such process, or not permitted)
     */
    public void send(final long pid) {
        try {
            Libc.kill(Math.toIntExact(pid), number);
        } catch (final LastErrorException e) {
            throw new IllegalStateException("kill(" + pid + ", SIG" + name() + ") failed: errno " + e.getErrorCode(), e);
        }
    }

    /** libc, for kill(2) alone. */
    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        private Libc() {
        }

        static native int kill(int pid, int signal) throws LastErrorException;
    }
}
