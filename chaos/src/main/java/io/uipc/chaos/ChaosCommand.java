package io.uipc.chaos;

import io.uipc.core.DomainConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code chaos}: runs a chaos run ({@link ChaosRun}) and prints its counts; exit code 0 if every
 * check held, 1 on any violation. See docs/reliability.md.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {"Kills (SIGKILL), stops and continues (SIGSTOP/SIGCONT) random members of a group of JVMs that "
        + "mail and interrupt each other, restarts the killed ones, then checks: every message accepted for a "
        + "surviving receiver received exactly once, every accepted interrupt followed by a delivery, no survivor "
        + "hung, the table consistent, every dead slot reclaimed, no file left. Exit 1 on any violation."})
public final class ChaosCommand implements Callable<Integer> {
    @Option(names = "--duration", defaultValue = "PT30S", description = "chaos duration, ISO-8601 (PT30S) (default: ${DEFAULT-VALUE})")
    private Duration duration;
    @Option(names = "--members", defaultValue = "6", description = "member JVMs (default: ${DEFAULT-VALUE})")
    private int members;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--kill-rate", defaultValue = "0.4", description = "SIGKILLs per second (default: ${DEFAULT-VALUE})")
    private double killRate;
    @Option(names = "--stop-rate", defaultValue = "1.0", description = "SIGSTOPs per second (default: ${DEFAULT-VALUE})")
    private double stopRate;
    @Option(names = "--max-stop", defaultValue = "PT0.8S", description = "longest stop before SIGCONT (default: ${DEFAULT-VALUE})")
    private Duration maxStop;
    @Option(names = "--root", description = "directory for the group (default: /dev/shm, else the temp directory)")
    private Path root;
    @Option(names = "--keep-logs", description = "keep the per-incarnation logs when a check fails")
    private boolean keepLogs;

    /** Creates the command; picocli sets its options. */
    public ChaosCommand() {
    }

    @Override
    public Integer call() throws Exception {
        final ChaosOptions options = new ChaosOptions(duration, members, seed, killRate, stopRate, maxStop,
            root != null ? root : DomainConfig.defaultDirectory(), keepLogs);
        final ChaosReport report = new ChaosRun(options).run();
        System.out.print(report);
        return report.ok() ? 0 : 1;
    }

    /**
     * Runs a chaos run from the command line and exits 0 if every check held, 1 otherwise.
     *
     * @param args see {@code --help}
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new ChaosCommand()).execute(args));
    }
}
