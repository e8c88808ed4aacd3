package io.uipc.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipal;

/**
 * The user this process acts as (its effective uid): the owner of /proc/self, as the kernel
 * reports it. Files it creates are this user's.
 */
public final class CurrentUser {
    private static final UserPrincipal USER = lookUp();

    private CurrentUser() {
    }

    private static UserPrincipal lookUp() {
        try {
            return Files.getOwner(Paths.get("/proc/self"));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot tell which user this process runs as (/proc/self): " + e.getMessage(), e);
        }
    }

    /**
     * Returns the user this process acts as.
     *
     * @return the owner of this process's files
     */
    public static UserPrincipal principal() {
        return USER;
    }
}
