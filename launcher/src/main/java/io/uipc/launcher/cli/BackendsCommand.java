package io.uipc.launcher.cli;

import io.uipc.core.Backends;
import io.uipc.core.UipcException;
import io.uipc.core.spi.BackendStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code uipc backends}: every interrupt backend, whether it is available here, and why. */
@Command(name = "backends", mixinStandardHelpOptions = true, description = "List interrupt backends: available or not, and why.")
public final class BackendsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** Creates the command; picocli sets its options. */
    public BackendsCommand() {
    }

    @Override
    public Integer call() {
        final List<BackendStatus> statuses = Backends.statuses();
        String auto;
        try {
            auto = Backends.select(Backends.AUTO).backend().name();
        } catch (final UipcException e) {
            auto = null;
        }
        if (json) {
            final List<Object> list = new ArrayList<>();
            for (final BackendStatus s : statuses) {
                final Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", s.name());
                o.put("available", s.available());
                o.put("reason", s.reason());
                list.add(o);
            }
            final Map<String, Object> root = Json.document(Instant.now());
            root.put("auto", auto);
            root.put("backends", list);
            System.out.println(Json.write(root));
            return 0;
        }
        System.out.printf("%-10s %-13s %s%n", "BACKEND", "STATUS", "WHY");
        for (final BackendStatus s : statuses) {
            System.out.printf("%-10s %-13s %s%n", s.name(), s.available() ? "available" : "unavailable", s.reason());
        }
        System.out.println("auto picks: " + (auto == null ? "nothing (no backend is available)" : auto));
        return 0;
    }
}
