package io.uipc.launcher.demo;

import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import io.uipc.launcher.GroupVectors;
import io.uipc.launcher.LaunchedMember;
import io.uipc.table.Member;
import io.uipc.table.Target;

import java.util.concurrent.TimeUnit;

/**
 * A demo foreground ("fg-k", a database session's server process): on
 * {@link DemoVectors#COMMIT_REQUEST} it posts lgwr and waits for the ack, printing the round
 * trip; on {@link DemoVectors#CANCEL_REQUEST} it cancels the session's query by posting it
 * {@link DemoVectors#CANCEL}.
 */
public final class Foreground {
    private static final long ACK_BIT = 1L << DemoVectors.COMMIT_ACK;

    private Foreground() {
    }

    /** @param args ignored */
    public static void main(final String[] args) {
        try (LaunchedMember self = LaunchedMember.join(DemoVectors.COMMIT_ACK, DemoVectors.COMMIT_REQUEST, DemoVectors.CANCEL_REQUEST)) {
            final Member me = self.member();
            final int k = DemoVectors.foregroundNumber(me.name());
            System.out.println("ready; commits post lgwr with vector " + DemoVectors.commitFrom(k));
            final Receiver receiver = self.receiver();
            long pending = 0;
            int commits = 0;
            for (;;) {
                final long vectors = pending | receiver.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                pending = 0;
                if ((vectors & GroupVectors.SHUTDOWN_BIT) != 0) {
                    System.out.println("shutdown vector after " + commits + " commits; leaving the group");
                    return;
                }
                if ((vectors & (1L << DemoVectors.COMMIT_REQUEST)) != 0) {
                    pending = commit(self, k, ++commits);
                }
                if ((vectors & (1L << DemoVectors.CANCEL_REQUEST)) != 0) {
                    cancelSession(me);
                }
            }
        }
    }

    /** Posts lgwr and waits for its ack; @return other vectors that arrived meanwhile */
    private static long commit(final LaunchedMember self, final int k, final int n) {
        try {
            final Target lgwr = self.group().resolve("lgwr", DemoVectors.commitFrom(k));
            final long t0 = System.nanoTime();
            SendResult.check(self.member().send(lgwr));
            long other = 0;
            for (;;) {
                final long got = self.receiver().await(5, TimeUnit.SECONDS);
                if (got == 0) {
                    System.out.println("commit #" + n + " got no ack from lgwr within 5 s");
                    return other;
                }
                other |= got & ~ACK_BIT;
                if ((got & ACK_BIT) != 0) {
                    System.out.printf("commit #%d acknowledged by lgwr: %d us round trip%n", n,
                        TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
                    return other;
                }
            }
        } catch (final UipcException e) {
            System.out.println("commit #" + n + " failed: " + e.getMessage());
            return 0;
        }
    }

    private static void cancelSession(final Member me) {
        try {
            SendResult.check(me.send(me.group().resolve("session", DemoVectors.CANCEL)));
            System.out.println("posted vector " + DemoVectors.CANCEL + " to session to cancel its query");
        } catch (final UipcException e) {
            System.out.println("cannot cancel the session: " + e.getMessage());
        }
    }
}
