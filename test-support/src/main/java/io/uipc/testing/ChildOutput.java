package io.uipc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A child's output, read line by line on a daemon thread of its own so that the child never
 * blocks on a full pipe: every line goes to the transcript (for failure messages) and to the
 * driver's sink, then the end marker once the output ends.
 */
final class ChildOutput {
    private final Thread reader;
    /** Everything the child printed, in order; guarded by itself. */
    private final List<String> transcript = new ArrayList<>();

    private ChildOutput(final String name, final InputStream in, final Consumer<String> sink, final String endMarker) {
        this.reader = new Thread(() -> pump(in, sink, endMarker), "jvm-process-" + name);
        reader.setDaemon(true);
    }

    /**
     * Starts reading a child's output.
     *
     * @param name      the child's name, for the thread's
     * @param in        the child's stdout (with stderr merged)
     * @param sink      takes each line, then {@code endMarker}
     * @param endMarker what the sink gets when the output ends
     * @return the running reader
     */
    static ChildOutput read(final String name, final InputStream in, final Consumer<String> sink, final String endMarker) {
        final ChildOutput output = new ChildOutput(name, in, sink, endMarker);
        output.reader.start();
        return output;
    }

    private void pump(final InputStream in, final Consumer<String> sink, final String endMarker) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (transcript) {
                    transcript.add(line);
                }
                sink.accept(line);
            }
        } catch (final IOException e) {
            sink.accept("output stream failed: " + e);
        } finally {
            sink.accept(endMarker);
        }
    }

    /**
     * Waits for the output to end. A child whose output does not end with its exit keeps its
     * stdout open in a process of its own: stop waiting after {@code limit} then.
     *
     * @param limit how long to wait
     */
    void awaitEnd(final Duration limit) {
        try {
            reader.join(limit.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Everything read so far.
     *
     * @return the lines, joined by line separators
     */
    String all() {
        synchronized (transcript) {
            return String.join(System.lineSeparator(), transcript);
        }
    }

    /**
     * The last lines read so far.
     *
     * @param count at most this many
     * @return the lines, joined by line separators
     */
    String last(final int count) {
        synchronized (transcript) {
            return String.join(System.lineSeparator(), transcript.subList(Math.max(0, transcript.size() - count), transcript.size()));
        }
    }
}
