package io.uipc.table;

import io.uipc.core.DomainConfig;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A {@code @TempDir} where groups live, under {@link DomainConfig#defaultDirectory()}
 * (/dev/shm), and open to other users (mode 755, not JUnit's 700), so that only a group's own
 * file modes decide who can reach it: what {@link GroupAccessTest} checks with other uids.
 */
final class SharedMemoryTempDir implements TempDirFactory {
    @Override
    public Path createTempDirectory(final AnnotatedElementContext element, final ExtensionContext extension) throws IOException {
        return Files.createTempDirectory(DomainConfig.defaultDirectory(), "uipc-test-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
