package io.uipc.benchmarks;

import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.JvmProcessBuilder;
import io.uipc.testing.TempGroups;

import java.time.Duration;
import java.util.List;

/**
 * How the cross-process harnesses start their JVMs: through the one child-JVM driver,
 * {@link JvmProcess}, with uipc's JVM flags and no other JVM options, since the driver's
 * defaults for tests (a small heap, the serial collector, no perf data) would change what is
 * measured. The driver only starts, feeds and stops the children; they measure themselves.
 */
public final class BenchJvms {
    /**
     * How long a harness waits for a result: a backstop that stops a stuck run, far longer than
     * a run of the default counts takes.
     */
    public static final Duration RESULT_TIMEOUT = Duration.ofHours(1);
    /** The role members of a harness's group join with. */
    private static final String ROLE = "bench";

    private BenchJvms() {
    }

    /**
     * Describes a benchmark JVM.
     *
     * @param name a name for messages
     * @param main its main class, on this JVM's class path
     * @return a builder with no JVM options beyond uipc's flags
     */
    public static JvmProcessBuilder builder(final String name, final Class<?> main) {
        return JvmProcess.builder(name, main).jvmOptions(List.of());
    }

    /**
     * Starts a member JVM of a harness's group, with the environment {@code uipc launch} would
     * give it.
     *
     * @param group the group, made with {@link TempGroups}
     * @param name  the member's name
     * @param main  its main class
     * @param args  program arguments
     * @return the running member
     */
    public static JvmProcess member(final ProcessGroup group, final String name, final Class<?> main, final String... args) {
        return builder(name, main).environment(TempGroups.memberEnvironment(group, name, ROLE)).args(args).start();
    }
}
