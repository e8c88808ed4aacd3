package io.uipc.core.crossprocess;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.core.InterruptDomain;
import io.uipc.core.emulated.EmulatedBackend;
import io.uipc.core.spi.InterruptBackend;

import java.nio.file.Path;
import java.nio.file.Paths;

/** How a child JVM gets its domain from its arguments: "attach PATH" or "create PATH UPIDS UITT". */
final class ChildDomain {
    private ChildDomain() {
    }

    static InterruptDomain open(final String[] args) {
        final InterruptBackend backend = Backends.select(EmulatedBackend.NAME).backend();
        final Path path = Paths.get(args[1]);
        switch (args[0]) {
            case "attach":
                return backend.attach(path);
            case "create":
                return backend.create(DomainConfig.of(path).withCapacities(Integer.parseInt(args[2]), Integer.parseInt(args[3])));
            default:
                throw new IllegalArgumentException("usage: attach PATH | create PATH UPIDS UITT, not " + String.join(" ", args));
        }
    }

    static String[] attach(final Path path) {
        return new String[] {"attach", path.toString()};
    }
}
