package io.uipc.benchmarks.reaper;

import io.uipc.table.GroupEnvironment;
import io.uipc.table.JoinOptions;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.OwnThread;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One member process of {@link ReaperBench}, in the group named by {@link GroupEnvironment}:
 * joins {@code count} members named {@code prefix-0}, {@code prefix-1}, ... (their heartbeats
 * are kept by this process's liveness thread, as any member's), prints READY, and stays until
 * its stdin ends (the driver closed it, or SIGKILLed this process).
 */
public final class ReaperBenchMember {
    private ReaperBenchMember() {
    }

    /**
     * Joins and waits.
     *
     * @param args prefix count
     * @throws IOException if stdin fails
     */
    public static void main(final String[] args) throws IOException {
        final String prefix = args[0];
        final int count = Integer.parseInt(args[1]);
        final List<Member> members = new ArrayList<>(count);
        try (ProcessGroup group = GroupEnvironment.attachGroup()) {
            for (int i = 0; i < count; i++) {
                final JoinOptions options = JoinOptions.named(prefix + "-" + i).role("bench");
                members.add(OwnThread.call(options.name(), () -> group.join(options))); // one receiver per thread
            }
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
            members.forEach(Member::close);
        }
    }
}
