package io.uipc.table;

import io.uipc.core.UipcException;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The environment a launcher gives each child JVM, so the child can join without arguments:
 * {@value #GROUP_DIR} (the group's directory), {@value #MEMBER_NAME} (its unique name),
 * {@value #MEMBER_ROLE} (its role) and {@link GroupSecret#ENV} (the secret).
 */
public final class GroupEnvironment {
    /** The group's directory. */
    public static final String GROUP_DIR = "UIPC_GROUP_DIR";
    /** The member name the launcher assigned (e.g. "fg-3"). */
    public static final String MEMBER_NAME = "UIPC_MEMBER_NAME";
    /** The member's role. */
    public static final String MEMBER_ROLE = "UIPC_MEMBER_ROLE";

    private GroupEnvironment() {
    }

    /**
     * {@return the variables to add to the child's environment}
     *
     * @param group  the group
     * @param name   the child's member name
     * @param role   the child's role
     * @param secret the group secret
     */
    public static Map<String, String> forChild(final ProcessGroup group, final String name, final String role, final String secret) {
        return Map.of(GROUP_DIR, group.directory().toString(), MEMBER_NAME, name, MEMBER_ROLE, role, GroupSecret.ENV, secret);
    }

    /** {@return the group named by {@value #GROUP_DIR}, attached} */
    public static ProcessGroup attachGroup() {
        return ProcessGroup.attach(groupDir());
    }

    /** {@return the group directory from {@value #GROUP_DIR}} */
    public static Path groupDir() {
        return Paths.get(require(GROUP_DIR));
    }

    /**
     * {@return join options from {@value #MEMBER_NAME} and {@value #MEMBER_ROLE}; the secret comes from {@link GroupSecret#ENV}}
     */
    public static JoinOptions joinOptions() {
        final String role = System.getenv(MEMBER_ROLE);
        return JoinOptions.named(require(MEMBER_NAME)).role(role == null || role.isBlank() ? "process" : role);
    }

    private static String require(final String variable) {
        final String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new UipcException(variable + " is not set: start this process with 'uipc launch' or set it by hand");
        }
        return value;
    }
}
