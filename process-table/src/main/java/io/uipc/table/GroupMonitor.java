package io.uipc.table;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread per attached group in a JVM (Oracle's PMON, in part): every 200 ms it
 * refreshes the heartbeats of this process's members and checks they still own their entries
 * and that the group still exists; it takes part in the reaper election and, once elected,
 * reaps dead members (orphan sweeps every 5 s). Dead members are thus found within about
 * 200 ms of their death.
 */
final class GroupMonitor implements AutoCloseable {
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int ORPHAN_SWEEP_EVERY = 25;

    private final ProcessGroup group;
    private Thread thread;
    private volatile boolean running;

    GroupMonitor(final ProcessGroup group) {
        this.group = group;
    }

    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::run, "uipc-monitor-" + group.name());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long cycle = 0;
        while (running) {
            try {
                final boolean exists = Files.exists(group.directory().resolve(GroupFileNames.TABLE));
                for (final Member m : group.localMembers()) {
                    if (exists) {
                        m.heartbeat();
                    } else {
                        group.lost(m, "its group directory " + group.directory() + " was deleted");
                    }
                }
                if (exists && group.locks().tryBecomeReaper()) {
                    group.table().buffer().putIntVolatile(ProcessTableDescriptor.REAPER_PID_OFFSET, (int) ProcessHandle.current().pid());
                    if (++cycle % ORPHAN_SWEEP_EVERY == 0) {
                        group.reap();
                    } else {
                        group.reapDeadMembers();
                    }
                }
            } catch (final RuntimeException e) {
                System.err.println("uipc: monitor of group " + group.name() + ": " + e);
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
