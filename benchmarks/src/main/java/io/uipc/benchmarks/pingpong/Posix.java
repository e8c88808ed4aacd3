package io.uipc.benchmarks.pingpong;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** The two libc calls the non-uipc channels need and Java lacks, by JNA direct mapping. */
final class Posix {
    /** SIGUSR1 on Linux (x86-64 and aarch64); HotSpot keeps SIGUSR2 for itself. */
    static final int SIGUSR1 = 10;

    static {
        Native.register(Posix.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Posix() {
    }

    /**
     * kill(2).
     *
     * @param pid    target process
     * @param signal signal number
     * @return 0
     * @throws LastErrorException with errno on failure
     */
    static native int kill(int pid, int signal) throws LastErrorException;

    /**
     * mkfifo(3).
     *
     * @param path file to create
     * @param mode permission bits
     * @return 0
     * @throws LastErrorException with errno on failure
     */
    static native int mkfifo(String path, int mode) throws LastErrorException;

    /**
     * sched_setaffinity(2) for the calling thread.
     *
     * @param tid  0 for the calling thread
     * @param size bytes of {@code mask}
     * @param mask CPU bit set
     * @return 0
     * @throws LastErrorException with errno on failure
     */
    static native int sched_setaffinity(int tid, long size, long[] mask) throws LastErrorException;

    /**
     * Pins the calling thread to one CPU.
     *
     * @param cpu CPU number, 0..63
     */
    static void pinCallingThread(final int cpu) {
        sched_setaffinity(0, Long.BYTES, new long[] {1L << cpu});
    }
}
