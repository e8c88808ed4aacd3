package io.uipc.benchmarks;

import io.uipc.core.internal.ChildJvm;
import io.uipc.core.UipcException;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.ProcessGroup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A member JVM a benchmark harness starts in its group (through {@link ChildJvm}, with the
 * {@link GroupEnvironment} a launcher would give it) and reads line by line. Closing stops it
 * (SIGTERM, then SIGKILL after 10 s).
 */
public final class MemberJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final List<String> seen = new ArrayList<>();

    private MemberJvm(final String name, final Process process) {
        this.name = name;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * {@return the started JVM}
     *
     * @param group  the group
     * @param secret its secret
     * @param name   member name
     * @param main   main class
     * @param args   program arguments
     */
    public static MemberJvm start(final ProcessGroup group, final String secret, final String name, final Class<?> main,
                                  final String... args) {
        final ProcessBuilder pb = ChildJvm.processBuilder(main, args);
        pb.environment().putAll(GroupEnvironment.forChild(group, name, "bench", secret));
        try {
            return new MemberJvm(name, pb.start());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * {@return the first such line; lines before it are kept for the error message}
     *
     * @param prefix what the awaited line starts with
     * @throws UipcException if the JVM ends first
     */
    public String expect(final String prefix) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.add(line);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new UipcException("benchmark process " + name + " ended before printing " + prefix + ":\n" + String.join("\n", seen));
    }

    /**
     * Writes a line to the JVM's standard input.
     *
     * @param line a line to write to the JVM's standard input
     */
    public void say(final String line) {
        try {
            final OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
