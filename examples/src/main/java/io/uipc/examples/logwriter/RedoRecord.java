package io.uipc.examples.logwriter;

import io.uipc.table.mailbox.Mail;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * A foreground's redo record, or its sign-off, as typed mail written in place into the log
 * writer's inbox (the shared log buffer): who committed (its name; the inbox gives the writer's
 * member handle), which of its commits, when it started, and the change itself (fixed
 * {@value #CHANGE_LENGTH} ASCII bytes).
 */
final class RedoRecord implements Mail {
    /** A commit's redo. */
    static final int COMMIT = 1;
    /** The foreground is done: no more commits. */
    static final int DONE = 2;
    /** Length of the change text. */
    static final int CHANGE_LENGTH = 40;

    private int type = COMMIT;
    private long sequence;
    private long startNanos;
    private final StringBuilder name = new StringBuilder(64);
    private final byte[] change = new byte[CHANGE_LENGTH];

    /**
     * @param kind    {@link #COMMIT} or {@link #DONE}
     * @param fgName  its member name (at most 64 ASCII characters)
     * @param seq     its commit number
     * @param nanos   commit start, System.nanoTime
     * @return this, set; the change text describes the commit
     */
    RedoRecord set(final int kind, final CharSequence fgName, final long seq, final long nanos) {
        type = kind;
        sequence = seq;
        startNanos = nanos;
        name.setLength(0);
        name.append(fgName);
        final String text = changeText(seq);
        for (int i = 0; i < CHANGE_LENGTH; i++) {
            change[i] = (byte) (i < text.length() ? text.charAt(i) : ' ');
        }
        return this;
    }

    /**
     * @param seq a commit number
     * @return the change text of that commit, as the log file holds it (before its padding)
     */
    static String changeText(final long seq) {
        return String.format("update t set v=v+1 where k=%08d", seq);
    }

    int type() {
        return type;
    }

    long sequence() {
        return sequence;
    }

    long startNanos() {
        return startNanos;
    }

    CharSequence name() {
        return name;
    }

    byte[] change() {
        return change;
    }

    @Override
    public int mailType() {
        return type;
    }

    @Override
    public int encodedLength() {
        return 2 * Long.BYTES + 1 + name.length() + CHANGE_LENGTH;
    }

    @Override
    public void writeMarshallable(final BytesOut<?> out) {
        out.writeLong(sequence);
        out.writeLong(startNanos);
        out.write8bit(name);
        out.write(change);
    }

    @Override
    public void readMarshallable(final BytesIn<?> in) {
        sequence = in.readLong();
        startNanos = in.readLong();
        in.read8bit(name);
        in.read(change);
    }

    /** @param kind the type the record arrived with */
    void type(final int kind) {
        type = kind;
    }
}
