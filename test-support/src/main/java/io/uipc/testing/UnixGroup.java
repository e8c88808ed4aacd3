package io.uipc.testing;

import java.util.List;

/**
 * A real Unix group for tests of {@code --unix-group} sharing (the {@code dba}-style group of a
 * database's users), made with {@code groupadd} and removed on {@link #close()}. Add users with
 * {@link #add}; root is added too when a test needs the creating process in the group.
 */
public final class UnixGroup implements AutoCloseable {
    private final String name;
    private final int gid;

    private UnixGroup(final String name, final int gid) {
        this.name = name;
        this.gid = gid;
    }

    /**
     * Makes a fresh, empty group.
     *
     * @param label a short word for its name (the name is {@code uipc-LABEL-RANDOM})
     * @return the group; close it to remove it
     */
    public static UnixGroup create(final String label) {
        final String name = OtherUser.uniqueName(label);
        OtherUser.exec(List.of("groupadd", name));
        final String entry = OtherUser.exec(List.of("getent", "group", name)).trim();
        return new UnixGroup(name, Integer.parseInt(entry.split(":")[2]));
    }

    /**
     * Returns the group's name.
     *
     * @return the group's name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the group's gid.
     *
     * @return the group's gid
     */
    public int gid() {
        return gid;
    }

    /**
     * Makes a user a member: commands it starts from now on have this group.
     *
     * @param user the user
     * @return this
     */
    public UnixGroup add(final OtherUser user) {
        OtherUser.exec(List.of("gpasswd", "-a", user.name(), name));
        return this;
    }

    /** Removes the group. */
    @Override
    public void close() {
        OtherUser.exec(List.of("groupdel", name));
    }
}
