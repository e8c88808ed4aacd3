package io.uipc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ## } section of the repository's README.md, and what a test follows in it: its Java
 * code blocks (each a compilation unit, by its public class's name) and the outputs it shows for
 * {@code ./bin/uipc jvm-flags --jdk N}.
 */
final class ReadmeSection {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PUBLIC_CLASS = Pattern.compile("^public (?:final )?class (\\w+)", Pattern.MULTILINE);
    private static final Pattern JVM_FLAGS = Pattern.compile("^\\$ \\./bin/uipc jvm-flags --jdk (\\d+)\n(.*)$", Pattern.MULTILINE);
    private final String text;

    private ReadmeSection(final String text) {
        this.text = text;
    }

    /**
     * Reads a section of README.md, found in the working directory or a parent of it.
     *
     * @param heading the section's heading, without "## "
     * @return the section, up to the next "## " heading
     * @throws IOException if README.md cannot be read
     */
    static ReadmeSection read(final String heading) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("README.md")) || !Files.isDirectory(dir.resolve("cli"))) {
            dir = dir.getParent();
            if (dir == null) {
                throw new IllegalStateException("no README.md of the repository above " + Path.of("").toAbsolutePath());
            }
        }
        final String readme = Files.readString(dir.resolve("README.md"));
        final int start = readme.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("README.md has no section '## " + heading + "'");
        }
        final int end = readme.indexOf("\n## ", start + 1);
        return new ReadmeSection(readme.substring(start, end < 0 ? readme.length() : end));
    }

    /**
     * Gives the section's Java code blocks.
     *
     * @return each block's source, by the name of its public class, in README order
     */
    Map<String, String> javaSources() {
        final Map<String, String> sources = new LinkedHashMap<>();
        final Matcher block = JAVA_BLOCK.matcher(text);
        while (block.find()) {
            final Matcher name = PUBLIC_CLASS.matcher(block.group(1));
            if (!name.find()) {
                throw new IllegalStateException("a java block of the README has no public class:\n" + block.group(1));
            }
            sources.put(name.group(1), block.group(1));
        }
        return sources;
    }

    /**
     * Gives the {@code uipc jvm-flags --jdk N} outputs the section shows.
     *
     * @return each shown output line, by N
     */
    Map<Integer, String> shownJvmFlags() {
        final Map<Integer, String> shown = new LinkedHashMap<>();
        final Matcher m = JVM_FLAGS.matcher(text);
        while (m.find()) {
            shown.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return shown;
    }

    /**
     * Lists the section's lines that contain a fragment.
     *
     * @param fragment text to look for
     * @return the lines containing it
     */
    List<String> linesWith(final String fragment) {
        final List<String> lines = new ArrayList<>();
        text.lines().filter(l -> l.contains(fragment)).forEach(lines::add);
        return lines;
    }
}
