package io.uipc.examples.logwriter;

import io.uipc.examples.Histograms;
import io.uipc.table.Member;
import io.uipc.table.ProcessGroup;
import io.uipc.table.mailbox.Inbox;
import io.uipc.table.mailbox.MailReader;
import org.HdrHistogram.Histogram;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * The log writer's group commit: takes the redo records drained from its inbox into a batch
 * (appended to one write buffer as text lines "name sequence change"), then {@link #flush()}
 * writes the batch, fsyncs the file, and only then posts the acknowledgement vector to exactly
 * the foregrounds whose records were in the batch.
 */
final class GroupCommit implements MessageHandler {
    /** Most records in one batch. */
    static final int MAX_BATCH = 4096;
    private static final int LINE_MAX = 64 + 1 + 20 + 1 + RedoRecord.CHANGE_LENGTH + 1;

    private final ProcessGroup group;
    private final Member writer;
    private final Inbox inbox;
    private final FileChannel log;
    private final int ackVector;
    private final MailReader reader = new MailReader();
    private final RedoRecord record = new RedoRecord();
    private final ByteBuffer out = ByteBuffer.allocateDirect(MAX_BATCH * LINE_MAX);
    private final long[] waiting = new long[MAX_BATCH];
    private final long[] started = new long[MAX_BATCH];
    private final Histogram syncLatency = Histograms.nanos();
    private final Histogram batchSizes = new Histogram(MAX_BATCH, 2);
    private final Map<String, Long> signedOff = new HashMap<>();
    private int batch;
    private int done;
    private long commits;
    private long firstNanos;
    private long lastNanos;
    private long lostAcks;

    GroupCommit(final Inbox inbox, final FileChannel log, final int ackVector) {
        this.inbox = inbox;
        this.writer = inbox.owner();
        this.group = writer.group();
        this.log = log;
        this.ackVector = ackVector;
    }

    @Override
    public void onMessage(final int type, final MutableDirectBuffer buffer, final int offset, final int length) {
        record.type(type);
        reader.read(buffer, offset, length, record);
        if (type == RedoRecord.DONE) {
            done++;
            signedOff.put(record.name().toString(), record.sequence());
            return;
        }
        if (firstNanos == 0) {
            firstNanos = record.startNanos();
        }
        final CharSequence name = record.name();
        for (int i = 0; i < name.length(); i++) {
            out.put((byte) name.charAt(i));
        }
        out.put((byte) ' ');
        putDecimal(record.sequence());
        out.put((byte) ' ');
        out.put(record.change());
        out.put((byte) '\n');
        waiting[batch] = inbox.sender();
        started[batch] = record.startNanos();
        batch++;
    }

    private void putDecimal(final long value) {
        long divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.put((byte) ('0' + (value / divisor) % 10));
        }
    }

    /** Writes and fsyncs the batch, then acknowledges exactly its foregrounds. */
    void flush() {
        if (batch == 0) {
            return;
        }
        try {
            out.flip();
            while (out.hasRemaining()) {
                log.write(out);
            }
            log.force(false);
            out.clear();
        } catch (final IOException e) {
            throw new UncheckedIOException("log write failed: no commit of this batch is acknowledged", e);
        }
        final long durable = System.nanoTime();
        for (int i = 0; i < batch; i++) {
            final long ack = group.uittHandle(waiting[i], ackVector);
            if (ack == ProcessGroup.NO_UITT_HANDLE || writer.send(ack) < 0) {
                lostAcks++;
            }
            syncLatency.recordValue(Math.max(1, durable - started[i]));
        }
        commits += batch;
        batchSizes.recordValue(batch);
        lastNanos = durable;
        batch = 0;
    }

    /** @return foregrounds that signed off */
    int done() {
        return done;
    }

    /** @return each foreground that signed off, with the number of its commits it had acknowledged */
    Map<String, Long> signedOff() {
        return Map.copyOf(signedOff);
    }

    /** @return commits written, fsynced and acknowledged so far */
    long commits() {
        return commits;
    }

    /** @return fsyncs so far */
    long fsyncs() {
        return batchSizes.getTotalCount();
    }

    /** @return the run's summary line */
    String report() {
        final double seconds = (lastNanos - firstNanos) / 1e9;
        return String.format("REPORT commits=%d fsyncs=%d avg-batch=%.1f commits/s=%.0f lost-acks=%d log-file-sync %s",
            commits, batchSizes.getTotalCount(), batchSizes.getMean(), seconds > 0 ? commits / seconds : 0.0, lostAcks,
            Histograms.micros(syncLatency));
    }
}
