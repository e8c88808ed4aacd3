package io.uipc.core;

import io.uipc.core.spi.BackendStatus;
import io.uipc.core.spi.InterruptBackend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds backends with {@link ServiceLoader} and chooses one by name or automatically. */
public final class Backends {
    /** The name that picks the best available backend. */
    public static final String AUTO = "auto";

    private Backends() {
    }

    /**
     * Returns every backend on the class path, most preferred first.
     *
     * @return every backend on the class path, most preferred first
     */
    public static List<InterruptBackend> all() {
        final List<InterruptBackend> list = new ArrayList<>();
        ServiceLoader.load(InterruptBackend.class, Backends.class.getClassLoader()).forEach(list::add);
        list.sort(Comparator.comparingInt(InterruptBackend::preference).reversed());
        return list;
    }

    /**
     * Returns the status of every backend, most preferred first.
     *
     * @return the status of every backend, most preferred first
     */
    public static List<BackendStatus> statuses() {
        return all().stream().map(InterruptBackend::status).collect(Collectors.toList());
    }

    /**
     * Chooses a backend by name, or the best available one.
     *
     * @param name a backend name or {@value #AUTO}
     * @return the chosen backend and why it was chosen
     * @throws UipcException if the name is unknown, or names a backend unavailable here
     */
    public static Selection select(final String name) {
        final List<InterruptBackend> all = all();
        if (AUTO.equals(name)) {
            final StringBuilder why = new StringBuilder();
            for (final InterruptBackend b : all) {
                final BackendStatus s = b.status();
                if (s.available()) {
                    why.append("chose ").append(b.name()).append(": ").append(s.reason());
                    return new Selection(b, why.toString());
                }
                why.append("skipped ").append(b.name()).append(" (").append(s.reason()).append("); ");
            }
            throw new UipcException("no backend is available: " + why);
        }
        for (final InterruptBackend b : all) {
            if (b.name().equals(name)) {
                final BackendStatus s = b.status();
                if (!s.available()) {
                    throw new UipcException("backend '" + name + "' is not available here: " + s.reason());
                }
                return new Selection(b, "chose " + name + " as requested: " + s.reason());
            }
        }
        throw new UipcException("unknown backend '" + name + "': known are "
            + all.stream().map(InterruptBackend::name).collect(Collectors.joining(", ")) + " and " + AUTO);
    }

    /**
     * A chosen backend.
     *
     * @param backend the backend
     * @param reason  why it was chosen (and, for auto, why others were skipped)
     */
    public record Selection(InterruptBackend backend, String reason) {
    }
}
