package io.uipc.benchmarks.pingpong;

import io.uipc.core.internal.PosixSignals;

import java.util.concurrent.Semaphore;

/**
 * POSIX signals as a Java user gets them: a {@code sun.misc.Signal} handler for SIGUSR1 that
 * releases a semaphore the receiving thread waits on, and kill(2) through JNA to send. HotSpot
 * runs each handler on a new thread started by its signal dispatcher: that cost is part of
 * what this channel measures.
 */
final class SignalTransport implements Transport {
    private final Semaphore received = new Semaphore(0);
    private int peerPid;

    @Override
    public String prepare() {
        PosixSignals.handle("USR1", received::release);
        return Long.toString(ProcessHandle.current().pid());
    }

    @Override
    public void connect(final String peerInfo) {
        peerPid = Integer.parseInt(peerInfo);
    }

    @Override
    public void send() {
        Posix.kill(peerPid, Posix.SIGUSR1);
    }

    @Override
    public void receive() {
        received.acquireUninterruptibly();
    }
}
