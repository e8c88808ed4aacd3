package io.uipc.table;

import io.uipc.core.Vectors;

import java.util.Optional;

/**
 * How a process joins a group.
 *
 * @param name              unique name in the group, printable ASCII without spaces, at most 64
 * @param role              role, ASCII, at most 16 (e.g. "background", "foreground")
 * @param secret            the group secret; empty takes it from {@value GroupSecret#ENV} (a member
 *                          that may read the group's secret file passes {@code group.readSecret()})
 * @param deathNoticeVector a vector to receive when the reaper reclaims a dead member, or -1
 */
public record JoinOptions(String name, String role, Optional<String> secret, int deathNoticeVector) {
    /**
     * Checks the fields.
     *
     * @param name              unique name in the group, printable ASCII without spaces, at most 64
     * @param role              role, ASCII, at most 16 (e.g. "background", "foreground")
     * @param secret            the group secret; empty takes it from {@value GroupSecret#ENV} (a member
     *                          that may read the group's secret file passes {@code group.readSecret()})
     * @param deathNoticeVector a vector to receive when the reaper reclaims a dead member, or -1
     */
    public JoinOptions {
        checkAscii(name, "name", MemberEntryDescriptor.MAX_NAME_LENGTH, false);
        checkAscii(role, "role", MemberEntryDescriptor.MAX_ROLE_LENGTH, true);
        if (deathNoticeVector != -1) {
            Vectors.check(deathNoticeVector);
        }
    }

    /**
     * {@return options with role "process", secret from the environment, no death notice}
     *
     * @param name member name
     */
    public static JoinOptions named(final String name) {
        return new JoinOptions(name, "process", Optional.empty(), -1);
    }

    /**
     * {@return these options with a role}
     *
     * @param r role
     */
    public JoinOptions role(final String r) {
        return new JoinOptions(name, r, secret, deathNoticeVector);
    }

    /**
     * {@return these options presenting a secret}
     *
     * @param s secret
     */
    public JoinOptions secret(final String s) {
        return new JoinOptions(name, role, Optional.of(s), deathNoticeVector);
    }

    /**
     * {@return these options asking for death notices}
     *
     * @param vector vector for death notices
     */
    public JoinOptions deathNotice(final int vector) {
        return new JoinOptions(name, role, secret, vector);
    }

    private static void checkAscii(final String value, final String what, final int max, final boolean emptyOk) {
        if (value == null || (!emptyOk && value.isEmpty())) {
            throw new IllegalArgumentException("member " + what + " must not be empty");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("member " + what + " '" + value + "' is " + value.length()
                + " characters; at most " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("member " + what + " '" + value
                    + "' must be printable ASCII without spaces (bad character at " + i + ")");
            }
        }
    }
}
