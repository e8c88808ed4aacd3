package io.uipc.examples.logwriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a redo log back and checks it against what the foregrounds were told is durable: for
 * each foreground, the lines of its commits 0..N-1 in order, each once, with their change text,
 * where N is how many commits it had acknowledged; no other line.
 */
public final class RedoLogCheck {
    private RedoLogCheck() {
    }

    /**
     * {@return the first discrepancy, naming its line, or empty if the file is exactly right}
     *
     * @param log          the log file ("name sequence change" lines)
     * @param acknowledged foreground name to the number of its commits that were acknowledged
     * @throws IOException if the file cannot be read
     */
    public static Optional<String> problem(final Path log, final Map<String, Long> acknowledged) throws IOException {
        final List<String> lines = Files.readAllLines(log, StandardCharsets.US_ASCII);
        final Map<String, Long> next = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i);
            final String[] words = line.split(" ", 3);
            final Long expected = words.length == 3 ? next.getOrDefault(words[0], 0L) : null;
            if (expected == null || !acknowledged.containsKey(words[0])) {
                return Optional.of(at(log, i, line, "not a commit of an acknowledging foreground " + acknowledged.keySet()));
            }
            if (!words[1].equals(Long.toString(expected)) || !words[2].stripTrailing().equals(RedoRecord.changeText(expected))) {
                return Optional.of(at(log, i, line, "expected commit " + expected + " of " + words[0]
                    + " (commits of each foreground in order, none missing, none twice)"));
            }
            next.put(words[0], expected + 1);
        }
        for (final Map.Entry<String, Long> e : acknowledged.entrySet()) {
            final long found = next.getOrDefault(e.getKey(), 0L);
            if (found != e.getValue()) {
                return Optional.of(log + ": " + e.getKey() + " had " + e.getValue() + " commits acknowledged but the file holds "
                    + found);
            }
        }
        return Optional.empty();
    }

    private static String at(final Path log, final int index, final String line, final String why) {
        return log + " line " + (index + 1) + " '" + line.strip() + "': " + why;
    }
}
