package io.uipc.table;

/**
 * A child JVM started the way the launcher starts members: it takes the group, its name, role
 * and the secret from its environment ({@link GroupEnvironment}), joins, prints
 * "joined NAME slot N", leaves and exits 0; or prints "refused MESSAGE" and exits 3.
 */
public final class JoinOnceChild {
    /** Exit code when the group refused the join. */
    static final int REFUSED = 3;

    private JoinOnceChild() {
    }

    /** @param args ignored: everything comes from the environment */
    public static void main(final String[] args) {
        try (ProcessGroup group = GroupEnvironment.attachGroup(); Member member = group.join(GroupEnvironment.joinOptions())) {
            System.out.println("joined " + member.name() + " slot " + member.slot());
        } catch (final GroupAccessException e) {
            System.out.println("refused " + e.getMessage());
            System.exit(REFUSED);
        }
    }
}
