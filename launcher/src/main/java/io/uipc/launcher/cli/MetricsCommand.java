package io.uipc.launcher.cli;

import io.uipc.launcher.status.GroupStatus;
import io.uipc.launcher.metrics.PrometheusText;
import io.uipc.launcher.metrics.TextfileOutput;
import io.uipc.table.ProcessGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code uipc metrics}: a group's counters in the Prometheus text format. */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = {
    "Print a group's counters in the Prometheus text exposition format 0.0.4.",
    "Per member (labels group, member, pid): interrupts sent, received, coalesced, wake-ups, heartbeat age, up "
        + "(1/0 from liveness) and inbox depth for members with an inbox; per group: members alive and dead, "
        + "capacity, deaths reaped. Reads the group's shared files without disturbing its members.",
    "With --output FILE the text replaces FILE atomically (for node exporter's textfile collector); a symbolic "
        + "link at FILE is refused."})
public final class MetricsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GROUP", description = "Group name.")
    String group;
    @Mixin
    GroupDir dir;
    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE atomically instead of stdout.")
    Path output;

    /** Creates the command; picocli sets its options. */
    public MetricsCommand() {
    }

    @Override
    public Integer call() {
        final String text;
        try (ProcessGroup g = ProcessGroup.attach(dir.of(group))) {
            text = PrometheusText.format(GroupStatus.read(g));
        }
        if (output == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            TextfileOutput.write(output, text);
        }
        return 0;
    }
}
