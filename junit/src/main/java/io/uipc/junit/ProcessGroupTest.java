package io.uipc.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test a process group of real JVMs: declare a {@link GroupHandle} parameter. With
 * {@link #spec()} the group is launched from that spec before the test; otherwise the test
 * launches it with {@link GroupHandle#launch}. The group is named after the test
 * ({@link GroupHandle#name()}). Every member is stopped (shutdown vector, grace period, SIGKILL)
 * and the group's files removed after the test ({@link GroupScope#METHOD}, the default) or after
 * the class ({@link GroupScope#CLASS}), whether the tests passed, failed or timed out; a JVM
 * shutdown hook does the same if the test JVM exits first. Works on JUnit 5.10 and later.
 *
 * <pre>{@code
 * @ProcessGroupTest
 * class LogWriterTest {
 *     @Test @Timeout(60)
 *     void acksCommits(GroupHandle group) throws Exception {
 *         group.launch(ProcessSpec.of("lgwr", LogWriter.class), ProcessSpec.of("fg", Foreground.class).count(2));
 *         group.send("fg-1", COMMIT_REQUEST);
 *         group.awaitOutput("fg-1", "acknowledged");
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProcessGroupExtension.class)
public @interface ProcessGroupTest {
    /**
     * Names a spec to launch before each test (or once, before the class's first use of the group,
     * for {@link GroupScope#CLASS}).
     *
     * @return a spec to launch: a class path resource ("/x/y.uipc") or a file path; empty to
     *     launch from the test
     */
    String spec() default "";

    /**
     * Chooses how long a group lives; read from the test class's annotation.
     *
     * @return {@link GroupScope#METHOD} for a group per test method (the default),
     *     {@link GroupScope#CLASS} for one group shared by the class's tests
     */
    GroupScope scope() default GroupScope.METHOD;
}
