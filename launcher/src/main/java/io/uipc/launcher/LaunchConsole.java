package io.uipc.launcher;

import java.io.PrintStream;
import java.util.List;

/**
 * Where a launch prints: its own progress lines, labelled {@code uipc}, and every line its
 * members write, labelled with the member's name, in one aligned column:
 *
 * <pre>
 * uipc  | starting lgwr, fg-1
 * fg-1  | committed 17
 * fg-2  | a line longer than 8192 characters...
 * fg-2  + ...goes on in pieces, each marked with '+'
 * </pre>
 *
 * Progress while the launch waits ({@code still waiting for fg-1 (5 s)}) goes to a second
 * stream, stderr for {@code uipc launch}, in the same layout.
 *
 * <p>Member output pumps, the supervisor and the shutdown hook print at once; each line is
 * written and flushed under the stream's lock, so lines never interleave.
 */
final class LaunchConsole {
    private static final String LAUNCHER_LABEL = "uipc";
    private final PrintStream out;
    private final PrintStream progress;
    private final String lineFormat;
    private final String continuedFormat;

    /**
     * A console whose progress lines go to the same stream as the rest.
     *
     * @param out         the stream
     * @param memberNames every label but the launcher's, to size the label column
     */
    LaunchConsole(final PrintStream out, final List<String> memberNames) {
        this(out, out, memberNames);
    }

    /**
     * @param out         the stream
     * @param progress    the stream of progress lines while the launch waits
     * @param memberNames every label but the launcher's, to size the label column
     */
    LaunchConsole(final PrintStream out, final PrintStream progress, final List<String> memberNames) {
        this.out = out;
        this.progress = progress;
        final int width = memberNames.stream().mapToInt(String::length).max().orElse(LAUNCHER_LABEL.length());
        this.lineFormat = "%-" + Math.max(LAUNCHER_LABEL.length(), width) + "s | %s%n";
        this.continuedFormat = "%-" + Math.max(LAUNCHER_LABEL.length(), width) + "s + %s%n";
    }

    /** @param message a progress line of the launcher */
    void info(final String message) {
        print(lineFormat, LAUNCHER_LABEL, message);
    }

    /** @param message a line telling what the launch still waits for */
    void progress(final String message) {
        synchronized (progress) {
            progress.printf(lineFormat, LAUNCHER_LABEL, message);
            progress.flush();
        }
    }

    /**
     * @param name      the member
     * @param line      a line it wrote, or a piece of a long one
     * @param continued whether this piece continues the member's previous one (marked {@code +}, not {@code |})
     */
    void member(final String name, final String line, final boolean continued) {
        print(continued ? continuedFormat : lineFormat, name, line);
    }

    private void print(final String format, final String label, final String line) {
        synchronized (out) {
            out.printf(format, label, line);
            out.flush();
        }
    }
}
