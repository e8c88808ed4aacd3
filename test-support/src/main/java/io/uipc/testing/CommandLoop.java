package io.uipc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The child side of {@link JvmProcess}'s line protocol: reads commands from stdin, one per
 * line ("verb arg arg..."), and answers each with one line "verb result", or
 * "{@value #ERROR} verb Exception: message" if it threw. A command may instead answer later,
 * from another thread, with {@link #replyLater}. At end of input (the test closed stdin, or the
 * test JVM died) the child exits, so no child outlives its test.
 */
public final class CommandLoop {
    /** First word of an error reply. */
    public static final String ERROR = "error";

    /** A command: gets the words after the verb, returns the reply text (after the verb). */
    @FunctionalInterface
    public interface Command {
        /**
         * Runs the command.
         *
         * @param args the words after the verb
         * @return the reply text, or {@code null} if the command answers later itself
         * @throws Exception reported to the test as an error line
         */
        String run(String[] args) throws Exception;
    }

    private final Map<String, Command> commands = new HashMap<>();

    /** Creates a loop with no commands yet; {@link #on} adds them. */
    public CommandLoop() {
    }

    /**
     * Adds a command.
     *
     * @param verb    the command's first word
     * @param command what it does
     * @return this
     */
    public CommandLoop on(final String verb, final Command command) {
        commands.put(verb, command);
        return this;
    }

    /**
     * Prints one line and flushes it at once (the test is waiting for it).
     *
     * @param line the line
     */
    public static void print(final String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    /**
     * Runs {@code work} on {@code executor} and replies "verb result" when it finishes, or an
     * error line if it throws: for commands that block (an await) while the child keeps
     * taking commands. The command itself returns {@code null}.
     *
     * @param executor the thread(s) to run on
     * @param verb     the command's verb
     * @param work     the blocking part
     */
    public static void replyLater(final Executor executor, final String verb, final Callable<String> work) {
        executor.execute(() -> {
            try {
                print(verb + " " + work.call());
            } catch (final Exception e) {
                print(ERROR + " " + verb + " " + e);
            }
        });
    }

    /**
     * A thread for {@link #replyLater} and for background work, which does not keep the child
     * alive once the command loop ends.
     *
     * @param name thread name
     * @return a single daemon thread that runs tasks in order
     */
    public static ExecutorService daemonThread(final String name) {
        return Executors.newSingleThreadExecutor(r -> {
            final Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Serves commands until end of input, then exits the JVM. */
    public void run() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    execute(line.trim().split("\\s+"));
                }
            }
        } catch (final IOException e) {
            print(ERROR + " stdin " + e);
        }
        System.exit(0);
    }

    private void execute(final String[] words) {
        final Command command = commands.get(words[0]);
        if (command == null) {
            print(ERROR + " " + words[0] + " unknown command; known: " + commands.keySet());
            return;
        }
        try {
            final String result = command.run(Arrays.copyOfRange(words, 1, words.length));
            if (result != null) {
                print(words[0] + (result.isEmpty() ? "" : " " + result));
            }
        } catch (final Exception e) {
            print(ERROR + " " + words[0] + " " + e);
        }
    }
}
