package io.uipc.examples;

import io.uipc.examples.cancel.Canceller;
import io.uipc.examples.cancel.Session;
import io.uipc.examples.logwriter.Foreground;
import io.uipc.examples.logwriter.LogWriter;
import io.uipc.examples.monitor.Idle;
import io.uipc.examples.monitor.Monitor;
import io.uipc.examples.pingpong.Ping;
import io.uipc.examples.pingpong.Pong;
import io.uipc.testing.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: the examples parse their options with Picocli. Each main, in its own JVM and outside any group, refuses
 * an unknown option (once silently ignored) with one line and exit code 2 before it touches a group; {@code --help}
 * prints the options and exits 0.
 */
@Timeout(120)
class ExampleCommandLineTest {
    private static final Duration EXIT = Duration.ofSeconds(30);
    private static final Map<String, Class<?>> MAINS = Map.of("ping", Ping.class, "pong", Pong.class, "canceller", Canceller.class,
        "session", Session.class, "log-writer", LogWriter.class, "foreground", Foreground.class, "idle", Idle.class,
        "monitor", Monitor.class);

    private static List<String> run(final Class<?> main, final int expectedExit, final String... args) {
        try (JvmProcess p = JvmProcess.builder(main.getSimpleName(), main).args(args).start()) {
            final int code = p.waitFor(EXIT);
            assertEquals(expectedExit, code, p::output);
            return p.output().lines().toList();
        }
    }

    @Test
    void everyExampleRefusesAnUnknownOptionWithOneLineAndExitTwo() {
        MAINS.forEach((name, main) -> assertEquals(List.of(name + ": Unknown option: '--frobnicate' (see '" + name + " --help')"),
            run(main, 2, "--frobnicate"), name));
    }

    @Test
    void aBadValueIsOneLineAndHelpListsTheOptions() {
        assertEquals(List.of("ping: Invalid value for option '--rounds': 'many' is not an int (see 'ping --help')"),
            run(Ping.class, 2, "--rounds", "many"));
        assertEquals(List.of("canceller: Invalid value for option '--hold': '5 minutes' is not a duration such as 250ms, 2s or 1m"
            + " (see 'canceller --help')"), run(Canceller.class, 2, "--hold", "5 minutes"));
        final String help = String.join("\n", run(LogWriter.class, 0, "--help"));
        assertTrue(help.startsWith("Usage: log-writer ") && help.contains("--foregrounds=N") && help.contains("--verify"), help);
    }
}
