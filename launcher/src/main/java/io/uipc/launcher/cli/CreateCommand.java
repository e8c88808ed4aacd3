package io.uipc.launcher.cli;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;
import io.uipc.launcher.TerminalText;
import io.uipc.table.GroupSpec;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code uipc create}: creates a group's directory, process table, interrupt domain and secret. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a process group.")
public final class CreateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name: letters, digits, '.', '_', '-'.")
    String group;
    @Mixin
    GroupDir dir;
    @Option(names = "--entries", paramLabel = "N", description = "Process table entries (default: ${DEFAULT-VALUE}).")
    int entries = GroupSpec.DEFAULT_ENTRIES;
    @Option(names = "--receivers", paramLabel = "N", description = "Receivers (UPID slots) (default: ${DEFAULT-VALUE}).")
    int receivers = DomainConfig.DEFAULT_UPIDS;
    @Option(names = "--uitt", paramLabel = "N", description = "Shared UITT entries (default: ${DEFAULT-VALUE}).")
    int uitt = DomainConfig.DEFAULT_UITT;
    @Option(names = "--unix-group", paramLabel = "G", description = "Share with this Unix group (0770/0660) instead of owner-only.")
    String unixGroup;
    @Option(names = "--backend", paramLabel = "B", converter = BackendName.class, completionCandidates = BackendName.class,
        description = "Interrupt backend: emulated, hardware or auto (default: ${DEFAULT-VALUE}).")
    String backend = Backends.AUTO;

    /** Creates the command; picocli sets its options. */
    public CreateCommand() {
    }

    @Override
    public Integer call() {
        GroupSpec spec = GroupSpec.named(GroupSpec.checkName(group)).withRoot(dir.root).withCapacities(entries, receivers, uitt)
            .withBackend(backend);
        if (unixGroup != null) {
            spec = spec.withUnixGroup(unixGroup);
        }
        try (ProcessGroup g = ProcessGroup.create(spec)) {
            System.out.printf("created group %s at %s: %d entries, %d receivers, %d UITT entries, backend %s, %s%n", g.name(),
                g.directory(), entries, receivers, uitt, g.domain().backendName(),
                unixGroup == null ? "owner only (0700)" : "shared with Unix group " + TerminalText.escape(unixGroup) + " (0770)");
        }
        return 0;
    }
}
