package io.uipc.junit;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names a test's group after the test: {@code <TestClass>-<method>} (or {@code <TestClass>} for a
 * group per class), made a valid group name, plus a short random suffix so that two forks or two
 * runs of one test never clash.
 */
final class GroupNames {
    /** Longest group name {@link io.uipc.table.GroupSpec#checkName} allows. */
    private static final int MAX = 64;
    /** Random base-36 characters after the test's name: 36^6, about 2 * 10^9, names. */
    private static final int SUFFIX = 6;
    private static final long SUFFIX_RANGE = 2_176_782_336L;

    private GroupNames() {
    }

    /**
     * Names a group.
     *
     * @param testClass the test class
     * @param method    the test method's name, or empty for a group per class
     * @return a valid, probably unique group name
     */
    static String of(final Class<?> testClass, final Optional<String> method) {
        final String base = sanitise(testClass.getSimpleName() + method.map(m -> "-" + m).orElse(""));
        final String suffix = Long.toString(SUFFIX_RANGE + ThreadLocalRandom.current().nextLong(SUFFIX_RANGE), 36).substring(1);
        final String head = base.substring(0, Math.min(base.length(), MAX - SUFFIX - 1));
        return (head.isEmpty() ? "test" : head) + "-" + suffix;
    }

    private static String sanitise(final String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^\\.+", "");
    }
}
