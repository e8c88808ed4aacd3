package io.uipc.core.emulated;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Cross-process futex on a 32-bit word in a shared mapping, through a JNA direct mapping of
 * libc {@code syscall}. No FUTEX_PRIVATE_FLAG: the waiters are in other processes, and the
 * kernel keys a shared futex by the mapped file and offset.
 */
final class Futex {
    private static final long SYS_FUTEX;
    private static final long FUTEX_WAIT = 0;
    private static final long FUTEX_WAKE = 1;

    static {
        if (!Platform.isLinux()) {
            throw new ExceptionInInitializerError("uipc's emulated backend needs Linux futexes; this is " + System.getProperty("os.name"));
        }
        if (Platform.isIntel() && Platform.is64Bit()) {
            SYS_FUTEX = 202;
        } else if (Platform.isARM() && Platform.is64Bit()) {
            SYS_FUTEX = 98;
        } else {
            throw new ExceptionInInitializerError("no futex syscall number known for " + System.getProperty("os.arch"));
        }
        Native.register(Futex.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Futex() {
    }

    private static native long syscall(long number, long uaddr, long op, long val, long timeout, long uaddr2, long val3);

    /**
     * Sleeps while the word at {@code address} equals {@code expected}.
     *
     * @param address         absolute address of the futex word
     * @param expected        the value the caller saw
     * @param timespecAddress absolute address of a relative timeout (struct timespec), or 0 for none
     * @return 0 if woken, -1 on timeout, value mismatch or signal (the caller re-checks state)
     */
    static long await(final long address, final int expected, final long timespecAddress) {
        return syscall(SYS_FUTEX, address, FUTEX_WAIT, expected, timespecAddress, 0, 0);
    }

    /**
     * @param address absolute address of the futex word
     * @param count   most waiters to wake
     * @return waiters woken
     */
    static long wake(final long address, final int count) {
        return syscall(SYS_FUTEX, address, FUTEX_WAKE, count, 0, 0, 0);
    }
}
