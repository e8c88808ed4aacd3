package io.uipc.core.internal;

import io.uipc.core.LayoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Where {@link SharedDirectory} sets a new file's mode and group (only on a name no one else can
 * swap), and the {@link FileCheck} it makes before opening a file.
 */
@Timeout(30)
class SharedDirectoryTrustTest {
    private static final SharedFileFormat FORMAT = new SharedFileFormat("test file", 8, 4096, LayoutException::new);

    @TempDir
    Path dir;

    @AfterEach
    void noPause() {
        SharedDirectory.stepHook(temporary -> { });
    }

    private static String mode(final Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private List<String> createSeeingTheTemporary(final String dirMode) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(dirMode));
        final List<String> seen = new ArrayList<>();
        SharedDirectory.stepHook(temporary -> {
            try {
                seen.add(temporary.getParent().equals(dir) ? "beside" : "in " + mode(temporary.getParent()));
            } catch (final Exception e) {
                seen.add(e.toString());
            }
        });
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            shared.create("f", 64, FileAccess.of(PosixFilePermissions.fromString("rw-rw----")), b -> { });
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("f"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()), "nothing else left");
        }
        assertEquals("rw-rw----", mode(dir.resolve("f")));
        return seen;
    }

    @Test
    void inADirectoryOnlyThisUserWritesInTheTemporaryFileSitsBesideItsName() throws Exception {
        assertEquals(List.of("beside"), createSeeingTheTemporary("rwxr-x---"));
    }

    @Test
    void inADirectoryOthersWriteInTheFileIsBuiltInAPrivateDirectoryOfItsOwn() throws Exception {
        assertEquals(List.of("in rwx------"), createSeeingTheTemporary("rwxrwx---"));
    }

    @Test
    void aFileOfAnotherModeOrOwnerIsRefusedBeforeItIsOpened() throws Exception {
        try (SharedDirectory shared = SharedDirectory.open(dir)) {
            shared.create("f", 64, FileAccess.of(PosixFilePermissions.fromString("rw-------")), b -> { });
            final LayoutException mode = assertThrows(LayoutException.class, () -> shared.attach("f", FORMAT, (f, b, s) -> { },
                new FileCheck(null, PosixFilePermissions.fromString("rw-rw----"), null)));
            assertEquals("test file " + dir.resolve("f") + " has mode rw-------, not rw-rw----: refused", mode.getMessage());
            final var nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
            assertNotEquals(nobody, CurrentUser.principal());
            final LayoutException owner = assertThrows(LayoutException.class, () -> shared.readSmall("f", FORMAT,
                new FileCheck(nobody, null, null)));
            assertEquals("test file " + dir.resolve("f") + " is owned by " + CurrentUser.principal().getName() + ", not "
                + nobody.getName() + " (the group directory's owner): refused", owner.getMessage());
            assertEquals(64, shared.readSmall("f", FORMAT, new FileCheck(CurrentUser.principal(), null, null)).length);
        }
    }
}
