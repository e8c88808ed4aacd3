package io.uipc.launcher.cli;

import io.uipc.core.internal.JvmFlags;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code uipc jvm-flags}: one line of the root pom's flags, per Java version. */
class JvmFlagsCommandTest {
    @Test
    void printsTheRunningJvmsFlagsOnOneLine() {
        final InProcessCli.Result r = InProcessCli.run("jvm-flags");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(String.join(" ", JvmFlags.forCurrentJvm()) + System.lineSeparator(), r.out());
        assertTrue(r.out().contains("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"), r::toString);
    }

    @Test
    void printsTheFlagsOfAnotherJdk() {
        final InProcessCli.Result jdk17 = InProcessCli.run("jvm-flags", "--jdk", "17");
        final InProcessCli.Result jdk25 = InProcessCli.run("jvm-flags", "--jdk", "25");
        assertEquals(0, jdk17.exitCode(), jdk17::toString);
        assertFalse(jdk17.out().contains("--enable-native-access"), "Java 17 refuses --sun-misc-unsafe-memory-access");
        assertTrue(jdk25.out().startsWith(jdk17.out().strip() + " --enable-native-access=ALL-UNNAMED"), jdk25::toString);
        assertEquals(1, jdk25.out().lines().count(), jdk25::toString);
    }

    @Test
    void aJdkBefore17IsAUsageError() {
        final InProcessCli.Result r = InProcessCli.run("jvm-flags", "--jdk", "11");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("uipc jvm-flags: --jdk 11: uipc needs Java 17 or later (see 'uipc help jvm-flags')", r.err().strip());
    }
}
