package io.uipc.launcher.cli;

import io.uipc.core.Backends;
import io.uipc.core.spi.InterruptBackend;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The value of a {@code --backend} option: a backend on the class path or {@value Backends#AUTO}. Any
 * other name is bad usage (exit 2) when the command line is parsed, before anything is created; the
 * names are also what shell completion offers.
 */
final class BackendName implements ITypeConverter<String>, Iterable<String> {
    BackendName() {
    }

    @Override
    public String convert(final String value) {
        final List<String> names = names();
        if (!names.contains(value)) {
            throw new TypeConversionException("unknown backend '" + value + "': use "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + Backends.AUTO);
        }
        return value;
    }

    @Override
    public Iterator<String> iterator() {
        return names().iterator();
    }

    private static List<String> names() {
        final List<String> names = new ArrayList<>();
        for (final InterruptBackend backend : Backends.all()) {
            names.add(backend.name());
        }
        names.add(Backends.AUTO);
        return names;
    }
}
