package io.uipc.examples.logwriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log check accepts exactly the acknowledged commits, in order, once each, and names the first line that is wrong. */
class RedoLogCheckTest {
    private static final Map<String, Long> ACKED = Map.of("fg-1", 3L, "fg-2", 2L);

    @TempDir
    Path dir;

    private static String line(final String name, final long seq) {
        return name + " " + seq + " " + String.format("%-" + RedoRecord.CHANGE_LENGTH + "s", RedoRecord.changeText(seq));
    }

    /** fg-1 0, fg-2 0, fg-1 1, fg-1 2, fg-2 1: two foregrounds' commits interleaved, as group commit writes them. */
    private static List<String> good() {
        return new ArrayList<>(List.of(line("fg-1", 0), line("fg-2", 0), line("fg-1", 1), line("fg-1", 2), line("fg-2", 1)));
    }

    private Optional<String> check(final List<String> lines) throws IOException {
        final Path log = dir.resolve("redo.log");
        Files.write(log, lines, StandardCharsets.US_ASCII);
        return RedoLogCheck.problem(log, ACKED);
    }

    private void assertProblem(final List<String> lines, final String expected) throws IOException {
        final Optional<String> problem = check(lines);
        assertTrue(problem.isPresent() && problem.get().contains(expected), "expected '" + expected + "', got " + problem);
    }

    @Test
    void exactlyTheAcknowledgedCommitsInOrderPass() throws IOException {
        assertEquals(Optional.empty(), check(good()));
    }

    @Test
    void aMissingCommitIsFound() throws IOException {
        final List<String> lines = good();
        lines.remove(2);
        assertProblem(lines, "line 3 'fg-1 2 update t set v=v+1 where k=00000002': expected commit 1 of fg-1");
    }

    @Test
    void aCommitTwiceIsFound() throws IOException {
        final List<String> lines = good();
        lines.add(3, line("fg-1", 1));
        assertProblem(lines, "line 4 'fg-1 1 update t set v=v+1 where k=00000001': expected commit 2 of fg-1");
    }

    @Test
    void commitsOutOfOrderAreFound() throws IOException {
        final List<String> lines = good();
        lines.set(2, line("fg-1", 2));
        lines.set(3, line("fg-1", 1));
        assertProblem(lines, "line 3 'fg-1 2 update t set v=v+1 where k=00000002': expected commit 1 of fg-1");
    }

    @Test
    void aWrongChangeIsFound() throws IOException {
        final List<String> lines = good();
        lines.set(1, "fg-2 0 update t set v=v+2 where k=00000000");
        assertProblem(lines, "line 2 'fg-2 0 update t set v=v+2 where k=00000000': expected commit 0 of fg-2");
    }

    @Test
    void anAcknowledgedCommitMissingAtTheEndIsFound() throws IOException {
        final List<String> lines = good();
        lines.remove(4);
        assertProblem(lines, "fg-2 had 2 commits acknowledged but the file holds 1");
    }

    @Test
    void aLineOfNoAcknowledgingForegroundIsFound() throws IOException {
        final List<String> lines = good();
        lines.add(line("fg-3", 0));
        assertProblem(lines, "line 6 'fg-3 0 update t set v=v+1 where k=00000000': not a commit of an acknowledging foreground");
        lines.set(5, "garbage");
        assertProblem(lines, "line 6 'garbage': not a commit");
    }
}
