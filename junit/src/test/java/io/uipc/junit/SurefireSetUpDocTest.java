package io.uipc.junit;

import io.uipc.core.internal.JvmFlags;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Surefire set-up docs/launcher.md gives users of the extension: its two {@code argLine} flag
 * lists (Java 17 to 22, and Java 23 and later) are what {@code uipc jvm-flags --jdk 17} and
 * {@code --jdk 25} print (both read {@link JvmFlags}, the root pom's lists).
 */
class SurefireSetUpDocTest {
    private static final Pattern FLAGS = Pattern.compile("<uipc\\.jvm\\.flags>([^<]*)</uipc\\.jvm\\.flags>");

    @Test
    void theDocumentedArgLineFlagsAreUipcJvmFlags() throws IOException {
        final String page = Files.readString(repositoryRoot().resolve("docs/launcher.md"));
        final String section = page.substring(page.indexOf("## The JUnit 5 extension"));
        final List<String> lists = new ArrayList<>();
        final Matcher m = FLAGS.matcher(section);
        while (m.find()) {
            lists.add(m.group(1));
        }
        assertEquals(List.of(String.join(" ", JvmFlags.forFeatureVersion(17)), String.join(" ", JvmFlags.forFeatureVersion(25))),
            lists);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("docs/launcher.md"))) {
            dir = dir.getParent();
            if (dir == null) {
                throw new IllegalStateException("no docs/launcher.md above " + Path.of("").toAbsolutePath());
            }
        }
        return dir;
    }
}
