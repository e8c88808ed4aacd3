package io.uipc.core.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entering directories by name in an opened parent: only real directories, never blocking. */
@Timeout(30)
class SecureDirectoriesTest {
    @TempDir
    Path temp;

    @Test
    void aFifoALinkOrAFileIsRefusedAtOnceAndADirectoryIsEntered() throws Exception {
        Files.createDirectories(temp.resolve("dir"));
        Files.writeString(temp.resolve("dir/inside"), "x");
        Files.writeString(temp.resolve("file"), "x");
        Files.createSymbolicLink(temp.resolve("link"), temp.resolve("dir"));
        assertEquals(0, new ProcessBuilder("mkfifo", temp.resolve("fifo").toString()).inheritIO().start().waitFor());
        try (SecureDirectoryStream<Path> parent = SecureDirectories.open(temp)) {
            for (final String notADirectory : List.of("fifo", "link", "file")) {
                final NotDirectoryException e = assertThrows(NotDirectoryException.class,
                    () -> SecureDirectories.openChild(parent, temp, notADirectory));
                assertTrue(e.getMessage().endsWith(notADirectory), e.getMessage());
            }
            try (SecureDirectoryStream<Path> dir = SecureDirectories.openChild(parent, temp, "dir")) {
                assertEquals(List.of("inside"), SecureDirectories.names(dir));
            }
            assertThrows(IllegalArgumentException.class, () -> SecureDirectories.openChild(parent, temp, ".."));
            assertThrows(IllegalArgumentException.class, () -> SecureDirectories.openChild(parent, temp, "dir/inside"));
        }
    }
}
