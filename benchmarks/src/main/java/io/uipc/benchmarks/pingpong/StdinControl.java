package io.uipc.benchmarks.pingpong;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A peer JVM's line to its coordinator: commands arrive on standard input, and the end of
 * standard input means "exit now", whether the coordinator closed it or died. The reading
 * thread is not a daemon, so a peer lives until then even after its main thread returns.
 */
final class StdinControl {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private StdinControl() {
    }

    /** @return a control whose thread is already reading standard input */
    static StdinControl start() {
        final StdinControl control = new StdinControl();
        final Thread reader = new Thread(control::read, "stdin-control");
        reader.start();
        return control;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (final IOException e) {
            System.err.println("stdin-control: " + e);
        }
        System.exit(0);
    }

    /**
     * @param prefix the command word and its space, e.g. "PEER "
     * @return the rest of the first line with that prefix (other lines are skipped)
     * @throws InterruptedException if interrupted while waiting
     */
    String awaitLine(final String prefix) throws InterruptedException {
        for (;;) {
            final String line = lines.take();
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
    }
}
