package io.uipc.launcher.demo;

import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.launcher.GroupVectors;
import io.uipc.launcher.LaunchedMember;
import io.uipc.table.Member;
import io.uipc.table.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's log writer ("lgwr"), a background process: foregrounds post it to commit, each
 * with its own vector; it takes every pending commit at once, "writes the redo" once for all of
 * them (a group commit: their posts coalesced into one wake-up) and posts each one back.
 */
public final class LogWriter {
    private LogWriter() {
    }

    /** @param args ignored */
    public static void main(final String[] args) {
        final int[] commits = new int[DemoVectors.MAX_FOREGROUNDS];
        for (int k = 1; k <= commits.length; k++) {
            commits[k - 1] = DemoVectors.commitFrom(k);
        }
        try (LaunchedMember self = LaunchedMember.join(commits)) {
            final Member me = self.member();
            System.out.println("ready; fg-k commits with vector " + DemoVectors.commitFrom(1) + "+k-1");
            final Target[] acks = new Target[DemoVectors.MAX_FOREGROUNDS];
            final Receiver receiver = self.receiver();
            long writes = 0;
            for (;;) {
                final long vectors = receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                if ((vectors & GroupVectors.SHUTDOWN_BIT) != 0) {
                    System.out.println("shutdown vector after " + writes + " redo writes; leaving the group");
                    return;
                }
                final long committers = DemoVectors.committers(vectors);
                if (committers == 0) {
                    continue;
                }
                writes++;
                final List<String> acked = new ArrayList<>();
                for (long bits = committers; bits != 0; bits &= bits - 1) {
                    final int k = Long.numberOfTrailingZeros(bits);
                    final String fg = "fg-" + (k + 1);
                    if (ack(self, acks, k, fg)) {
                        acked.add(fg);
                    }
                }
                System.out.println("redo write #" + writes + " for " + acked.size() + " commit(s) " + acked
                    + " in one wake-up; acks posted");
            }
        }
    }

    private static boolean ack(final LaunchedMember self, final Target[] acks, final int k, final String fg) {
        try {
            if (acks[k] == null || !SendResult.isPosted(self.member().send(acks[k]))) {
                acks[k] = self.group().resolve(fg, DemoVectors.COMMIT_ACK);
                SendResult.check(self.member().send(acks[k]));
            }
            return true;
        } catch (final UipcException e) {
            System.out.println("cannot ack " + fg + ": " + e.getMessage());
            acks[k] = null;
            return false;
        }
    }
}
