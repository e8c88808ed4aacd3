package io.uipc.launcher.cli;

import io.uipc.core.internal.ChildJvm;
import io.uipc.launcher.Cli;
import io.uipc.launcher.testapp.TrafficMember;
import io.uipc.table.ProcessGroup;
import io.uipc.testing.JvmProcess;
import io.uipc.testing.TempGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code uipc top} in a real terminal (a tmux pane of 120 by 30): it draws from the top-left corner
 * and fits the width, shows the members' rates, quits on q, and on Ctrl-C, and in both cases leaves
 * the terminal in canonical mode with echo, as it found it. The pane's text before q is saved as
 * {@code target/top-tmux-capture.txt}.
 */
@Timeout(180)
class TopTmuxTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** A member row with a measured sent rate: PID NAME active SENT/s ... */
    private static final Pattern RATE_ROW = Pattern.compile("^ *\\d+ [ab] +active +\\d+\\.\\d[kM]? .*");

    @Test
    void drawsInPlaceQuitsOnQOrCtrlCAndRestoresTheTerminal() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed");
        try (Cli cli = new Cli("top-tmux")) {
            assertEquals(0, cli.run("create", "traffic", "--entries", "4").exitCode());
            final Path script = Files.createTempFile("uipc-top-", ".sh");
            final Path errors = Files.createTempFile("uipc-top-", ".err");
            try (ProcessGroup group = ProcessGroup.attach(cli.root().resolve("traffic"));
                 JvmProcess a = member(group, "a"); JvmProcess b = member(group, "b")) {
                a.expect("ready a");
                b.expect("ready b");
                a.call("blast b");
                b.call("blast a");
                final String top = ChildJvm.command(ChildJvm.currentClassPath(), List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                    LauncherUipcCommand.class.getName(), List.of("top", "traffic", "--interval", "0.2", "--dir", cli.root().toString())).stream()
                    .map(TopTmuxTest::quote).collect(Collectors.joining(" "));
                final String run = top + " 2>>" + quote(errors.toString()) + "; echo \"top exited $?\"; stty -a; read -r line";
                // A trap with a command: Ctrl-C stops top, not this shell, and top still gets the default SIGINT.
                Files.writeString(script, String.join("\n", "trap true INT", run, run, ""), StandardCharsets.UTF_8);
                try (Tmux tmux = Tmux.start(120, 30, "sh " + quote(script.toString()))) {
                    final String frame = awaitFrame(tmux);
                    Files.writeString(Paths.get("target", "top-tmux-capture.txt"), frame, StandardCharsets.UTF_8);
                    final List<String> lines = frame.lines().toList();
                    assertTrue(lines.get(0).startsWith("uipc top - group traffic - "), frame);
                    assertTrue(lines.get(0).endsWith("members: 2 alive, 0 dead"), frame);
                    assertTrue(lines.get(1).startsWith("reaper: pid "), frame);
                    assertEquals(1, lines.stream().filter(l -> l.startsWith("uipc top")).count(), "drawn in place: " + frame);
                    assertTrue(lines.stream().allMatch(l -> l.length() <= 120), frame);

                    tmux.sendKeys("q");
                    assertRestored(tmux, "top exited 0", errors);
                    tmux.sendKeys("Enter");
                    awaitFrame(tmux);
                    tmux.sendKeys("C-c");
                    assertRestored(tmux, "top exited 130", errors);
                }
            } finally {
                Files.deleteIfExists(script);
                Files.deleteIfExists(errors);
            }
        }
    }

    /** Waits for a frame with both members and a measured rate, drawn over what the shell printed; returns the pane. */
    private static String awaitFrame(final Tmux tmux) {
        final String[] pane = {""};
        Poll.until(() -> {
            pane[0] = tmux.capture(() -> "");
            return pane[0].startsWith("uipc top") && !pane[0].contains("top exited") && pane[0].lines().filter(l -> RATE_ROW.matcher(l).matches()).count() == 2;
        }, DEADLINE, () -> "no frame with both members' rates:\n" + pane[0]);
        return pane[0];
    }

    /** Waits until top has exited with the expected line, then checks stty's report after it. */
    private static void assertRestored(final Tmux tmux, final String exited, final Path errors) {
        final String[] pane = {""};
        Poll.until(() -> {
            pane[0] = tmux.capture(() -> "top's stderr: " + read(errors));
            return pane[0].contains(exited) && pane[0].substring(pane[0].indexOf(exited)).contains("icanon");
        }, DEADLINE, () -> "top did not exit with '" + exited + "' and stty's report:\n" + pane[0]);
        final List<String> flags = Arrays.asList(pane[0].substring(pane[0].indexOf(exited)).split("[\\s;]+"));
        assertTrue(flags.contains("icanon") && !flags.contains("-icanon"), "canonical mode restored:\n" + pane[0]);
        assertTrue(flags.contains("echo") && !flags.contains("-echo"), "echo restored:\n" + pane[0]);
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file);
        } catch (final java.io.IOException e) {
            return e.toString();
        }
    }

    private static String quote(final String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static JvmProcess member(final ProcessGroup group, final String name) {
        return JvmProcess.builder(name, TrafficMember.class).environment(TempGroups.memberEnvironment(group, name, "peer")).start();
    }
}
