package io.uipc.table.testing;

import io.uipc.table.GroupEnvironment;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;

import java.nio.file.Path;
import java.util.Map;

/** Small groups for tests, created under a test's temporary directory. */
public final class TestGroups {
    private TestGroups() {
    }

    /**
     * @param root a temporary directory
     * @param name group name
     * @return a new group with 64 entries, 256 receivers and 1,024 UITT entries
     */
    public static ProcessGroup create(final Path root, final String name) {
        return ProcessGroup.create(GroupSpec.named(name).withRoot(root).withCapacities(64, 256, 1024));
    }

    /**
     * @param group  the group
     * @param member the child's member name
     * @param role   its role
     * @return the environment a launcher would give that child
     */
    public static Map<String, String> env(final ProcessGroup group, final String member, final String role) {
        return GroupEnvironment.forChild(group, member, role, group.readSecret());
    }
}
