package io.uipc.table;

import io.uipc.testing.CommandLoop;

/**
 * A child JVM started the way the launcher starts members, serving one command: "join" attaches
 * the group its environment names ({@link GroupEnvironment}), joins under the name, role and
 * secret found there, leaves, and replies "NAME slot N"; a refused join is an error reply
 * naming the {@link GroupAccessException}.
 */
public final class JoinOnceChild {
    private JoinOnceChild() {
    }

    /**
     * Serves "join" until end of input.
     *
     * @param args ignored: everything comes from the environment
     */
    public static void main(final String[] args) {
        new CommandLoop()
            .on("join", a -> {
                try (ProcessGroup group = GroupEnvironment.attachGroup(); Member member = group.join(GroupEnvironment.joinOptions())) {
                    return member.name() + " slot " + member.slot();
                }
            })
            .run();
    }
}
