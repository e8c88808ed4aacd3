package io.uipc.examples.logwriter;

import io.uipc.core.WaitPolicy;
import io.uipc.examples.ExampleCommand;
import io.uipc.table.GroupEnvironment;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.InboxConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The log writer (Oracle's LGWR): owns the log buffer (its inbox), writes and fsyncs the redo
 * foregrounds post into it, then posts back exactly the foregrounds whose commits are durable.
 * Everything that arrives while one fsync runs goes into the next: group commit.
 *
 * <p>{@code --log FILE} (default redo.log), {@code --foregrounds N} (sign-offs to wait for,
 * default 4), {@code --wait POLICY} (default spin-yield-block). Prints READY, then a REPORT.
 * With {@code --verify true} it then reads the file back ({@link RedoLogCheck}) against the
 * commits each foreground signed off as acknowledged, prints VERIFIED, or MISMATCH and exits 1.
 */
public final class LogWriter {
    /** The inbox's doorbell vector. */
    public static final int INBOX_VECTOR = 1;
    /** Posted to a foreground when its commit is durable. */
    public static final int ACK_VECTOR = 2;
    private static final int LOG_BUFFER = 1 << 20;

    private LogWriter() {
    }

    /**
     * Runs the log writer.
     *
     * @param args see the class comment
     * @throws IOException if the log file cannot be written
     */
    public static void main(final String[] args) throws IOException {
        final Options o = ExampleCommand.parse(new Options(), args);
        final Path logFile = Paths.get(o.log).toAbsolutePath();
        final int foregrounds = o.foregrounds;
        final boolean verify = o.verify;
        final Optional<String> problem;
        try (ProcessGroup group = GroupEnvironment.attachGroup();
             Member me = group.join(GroupEnvironment.joinOptions());
             FileChannel log = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                 StandardOpenOption.WRITE)) {
            me.receiver().waitPolicy(WaitPolicy.parse(o.waitPolicy));
            try (Inbox inbox = Inbox.open(me, INBOX_VECTOR, InboxConfig.defaults().withCapacity(LOG_BUFFER).withMaxMessageLength(256))) {
                System.out.println("READY " + me.name() + " log=" + logFile + " waiting for " + foregrounds + " foregrounds");
                final GroupCommit commit = new GroupCommit(inbox, log, ACK_VECTOR);
                while (commit.done() < foregrounds) {
                    inbox.receive(commit, GroupCommit.MAX_BATCH, 1, TimeUnit.SECONDS);
                    commit.flush();
                }
                System.out.println(commit.report());
                problem = verify ? RedoLogCheck.problem(logFile, commit.signedOff()) : Optional.empty();
                if (verify && problem.isEmpty()) {
                    System.out.println("VERIFIED " + logFile + ": " + commit.commits() + " commits made durable in " + commit.fsyncs()
                        + " fsyncs; every commit acknowledged to the " + foregrounds + " foregrounds is in the file once, in order");
                }
            }
        }
        if (problem.isPresent()) {
            System.out.println("MISMATCH " + problem.get());
            System.exit(1);
        }
    }

    /** The log writer's command line. */
    @Command(name = "log-writer", description = "Group commit: writes and fsyncs the foregrounds' redo.")
    static final class Options {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
        @Option(names = "--log", paramLabel = "FILE", description = "The redo log (default: ${DEFAULT-VALUE}).")
        String log = "redo.log";
        @Option(names = "--foregrounds", paramLabel = "N", description = "Sign-offs to wait for (default: ${DEFAULT-VALUE}).")
        int foregrounds = 4;
        @Option(names = "--wait", paramLabel = "POLICY", description = "Wait policy (default: ${DEFAULT-VALUE}).")
        String waitPolicy = "spin-yield-block";
        @Option(names = "--verify", arity = "0..1", paramLabel = "BOOL", description = "Read the log back at the end and check it.")
        boolean verify;
    }
}
